/**
 * Scale normalisation against shared/test/reference/scale.json, written by
 * shared/test/reference/make_reference.py with numpy (100·(x−lo)/(hi−lo), reversed
 * 100·(hi−x)/(hi−lo), docs/domain.md#scale-normalisation); reading cells, and bad answers (text,
 * numbers off the scale) refused with their position.
 */
import { NON_ANSWERS, normaliseAnswer, readAnswer, checkRecommendation, checkScale } from "@symmetry/engine";
import { catchSymError, expectClose, loadReference } from "../support/reference";

interface NormalisationCase {
  value: number;
  scale: { min: number; max: number };
  reversed: boolean;
  expected: number;
}
const reference = loadReference<{ normalisations: NormalisationCase[] }>("scale.json");

describe("normaliseAnswer against numpy", () => {
  it.each(reference.normalisations.map((c) => [c.value, c.scale.min, c.scale.max, c.reversed, c] as const))(
    "normalises %p on %p–%p (reversed %p)",
    (_v, _lo, _hi, _r, fixture) => {
      expectClose(normaliseAnswer(fixture.value, fixture.scale, fixture.reversed), fixture.expected, 1e-12);
    },
  );

  it("keeps a missing answer missing", () => {
    expect(normaliseAnswer(Number.NaN, { min: 1, max: 5 })).toBeNaN();
  });
});

describe("readAnswer", () => {
  it.each([
    [4, 4],
    ["4", 4],
    [" 3 ", 3],
    ["3,5", 3.5],
    ["2.5", 2.5],
    [0, 0],
  ] as const)("reads %p as %p", (cell, expected) => {
    expect(readAnswer(cell)).toBe(expected);
  });

  it.each([null, undefined, "", "   ", "NA", "na", "N/A", "n/a", "NSP", "nsp", " NA "])("treats %p as missing", (cell) => {
    expect(readAnswer(cell)).toBeNaN();
  });

  it("declares NA, N/A, NSP and blank as non-answers", () => {
    expect(NON_ANSWERS).toEqual(expect.arrayContaining(["", "NA", "N/A", "NSP"]));
  });

  it.each(["yes", "4 stars", "n.a.", "-", "4/5", "1 000"])("returns invalid-answer for the text %p, naming it", (cell) => {
    const error = catchSymError(() => readAnswer(cell), "invalid-answer");
    expect(error.message).toContain(JSON.stringify(cell));
    expect(error.details.value).toBe(cell);
  });

  it.each([true, false, Number.NaN, Number.POSITIVE_INFINITY])("returns invalid-answer for %p", (cell) => {
    const error = catchSymError(() => readAnswer(cell), "invalid-answer");
    expect(error.message).toContain(String(cell));
  });
});

describe("scale checks on bad input", () => {
  it.each([
    [0, 1, 5],
    [6, 1, 5],
    [5.5, 1, 5],
    [-1, 0, 10],
    [11, 0, 10],
  ])("returns out-of-scale for %p on %p–%p, naming the answer and the scale", (value, min, max) => {
    const error = catchSymError(() => normaliseAnswer(value, { min, max }), "out-of-scale");
    expect(error.message).toContain(`answer ${value}`);
    expect(error.message).toContain(`${min}–${max}`);
    expect(error.details.value).toBe(value);
  });

  it.each([
    [5, 1],
    [3, 3],
    [Number.NaN, 5],
    [1, Number.POSITIVE_INFINITY],
  ])("returns invalid-argument for the scale %p–%p, naming it", (min, max) => {
    const error = catchSymError(() => checkScale({ min, max }, "normaliseAnswer"), "invalid-argument");
    expect(error.message).toContain(`${min}–${max}`);
    const normalising = catchSymError(() => normaliseAnswer(3, { min, max }), "invalid-argument");
    expect(normalising.message).toContain(`${min}–${max}`);
  });

  it.each([11, -1, 7.5, 10.01, Number.NaN])("returns not-recommendation for %p, naming it", (value) => {
    const error = catchSymError(() => checkRecommendation(value), "not-recommendation");
    expect(error.message).toContain(String(value));
  });

  it.each([0, 6, 7, 9, 10])("accepts the recommendation answer %p", (value) => {
    expect(() => checkRecommendation(value)).not.toThrow();
  });
});
