import { SymError } from "../errors";

/**
 * Runs a check on the value at a 0-based index of a list and, when it fails with a SymError, says
 * where: the message gains " at position N" (1-based) and `details.row` is set to N.
 */
export function checkAtPosition(index: number, check: () => void): void {
  try {
    check();
  } catch (error) {
    if (error instanceof SymError) {
      throw new SymError(error.code, `${error.message} at position ${index + 1}`, { ...error.details, row: index + 1 });
    }
    throw error;
  }
}
