import type { ProgressStream } from "../progress";

/** Percent progress of an API job on stderr, drawn only on a terminal (never in pipes or tests). */
export function createPercentProgress(stream: ProgressStream, label: string): { update(percent: number): void; finish(): void } {
  let drawn = false;
  let last = -1;
  return {
    update(percent) {
      if (!stream.isTTY || percent === last) return;
      last = percent;
      drawn = true;
      stream.write(`\r${label} ${Math.max(0, Math.min(100, Math.floor(percent)))}%`);
    },
    finish() {
      if (drawn) stream.write("\r\x1b[2K");
    },
  };
}
