import type { ProgressStream } from "./progress";

/** Where the CLI writes: the process's streams, or buffers in tests. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The stream progress is drawn on (drawn only when it is a TTY). */
  readonly progressStream?: ProgressStream;
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    progressStream: process.stderr,
  };
}
