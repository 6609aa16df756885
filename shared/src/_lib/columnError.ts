import { SymError } from "../errors";

/**
 * Runs `check`; a SymError it throws is thrown again with the 1-based `column` added to its
 * details, so the accumulators can say which column of a row was rejected. The message stays as it
 * is: callers know the header and the sheet or file row, and add them. Other errors pass through.
 */
export function checkAtColumn(check: () => void, column: number): void {
  try {
    check();
  } catch (error) {
    if (error instanceof SymError) throw new SymError(error.code, error.message, { ...error.details, column: column + 1 });
    throw error;
  }
}
