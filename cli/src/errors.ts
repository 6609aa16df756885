/** Exit codes of `sym`: 0 ok, 1 data error (a bad value in an input file), 2 usage error. */
export const EXIT_OK = 0;
export const EXIT_DATA_ERROR = 1;
export const EXIT_USAGE_ERROR = 2;

/** A wrong command line: unknown option, bad `--scale` syntax, a file that does not exist… (exit 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
