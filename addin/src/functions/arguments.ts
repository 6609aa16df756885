/**
 * Argument coercion for the custom functions: Excel passes an omitted optional argument as
 * `null` (or `undefined` in some hosts), plain Node callers pass `undefined`.
 */
export function orDefault<T>(value: T | null | undefined, fallback: T): T {
  return value === null || value === undefined || (value as unknown) === "" ? fallback : value;
}
