/**
 * Progress on stderr for long runs: shown only when stderr is a terminal (never in pipes, files
 * or tests) and only after the first half second, so short runs print nothing.
 */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

export interface Progress {
  update(done: number, total: number): void;
  finish(): void;
}

const QUIET_MILLISECONDS = 500;
const REFRESH_MILLISECONDS = 100;

export function createProgress(stream: ProgressStream, label: string, now: () => number = Date.now): Progress {
  const started = now();
  let lastDrawn = 0;
  let drawn = false;
  return {
    update(done, total) {
      if (!stream.isTTY) return;
      const time = now();
      if (time - started < QUIET_MILLISECONDS || time - lastDrawn < REFRESH_MILLISECONDS) return;
      lastDrawn = time;
      drawn = true;
      const share = total > 0 ? Math.min(100, Math.floor((100 * done) / total)) : 0;
      stream.write(`\r${label} ${share}% (${megabytes(done)} / ${megabytes(total)} MB)`);
    },
    finish() {
      if (drawn) stream.write("\r\x1b[2K");
    },
  };
}

function megabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(0);
}
