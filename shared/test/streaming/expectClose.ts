/** Test helper shared by the streaming and CLI tests. */
/** Deep equality with numbers equal to `relative` (and 1e-9 absolute near zero). */
export function expectClose(actual: unknown, expected: unknown, relative = 1e-10, path = "result"): void {
  if (typeof expected === "number" && typeof actual === "number") {
    if (Number.isNaN(expected)) return expect(actual).toBeNaN();
    const tolerance = Math.max(1e-9, relative * Math.abs(expected));
    if (!(Math.abs(actual - expected) <= tolerance)) throw new Error(`${path}: ${actual} is not within ${tolerance} of ${expected}`);
    return;
  }
  if (expected !== null && typeof expected === "object") {
    expect(actual).not.toBeNull();
    expect(typeof actual).toBe("object");
    const actualObject = actual as Record<string, unknown>;
    const expectedObject = expected as Record<string, unknown>;
    expect(Object.keys(actualObject).sort()).toEqual(Object.keys(expectedObject).sort());
    for (const key of Object.keys(expectedObject)) expectClose(actualObject[key], expectedObject[key], relative, `${path}.${key}`);
    return;
  }
  expect(actual).toEqual(expected);
}
