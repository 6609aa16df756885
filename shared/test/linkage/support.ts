import { readFileSync } from "fs";
import { join } from "path";

export { catchSymError, expectClose, expectRelativelyClose } from "../support/reference";

/**
 * The linkage fixture, written by shared/test/linkage/reference/make_reference.py (numpy, scipy,
 * pandas, statsmodels; versions in its `provenance`). Missing values are JSON null.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function loadLinkageReference(): any {
  return JSON.parse(readFileSync(join(__dirname, "reference", "linkage.json"), "utf8"));
}
