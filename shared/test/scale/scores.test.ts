/**
 * Respondent and group scores and favourable % against shared/test/reference/scale.json, written
 * by shared/test/reference/make_reference.py with pandas: Series(normalised).mean(skipna=True) for
 * a respondent, and Series.dropna().isin([hi−1, hi]).mean()·100 for the top-2-box
 * ([lo, lo+1] for a reversed item).
 */
import { favourableShare, groupScore, respondentScore } from "@symmetry/engine";
import { catchSymError, expectClose, loadReference, toNumbers } from "../support/reference";

interface Scale {
  min: number;
  max: number;
}
const reference = loadReference<{
  favourable: { name: string; answers: (number | null)[]; scale: Scale; reversed: boolean; expected: { share: number; n: number } }[];
  respondents: { answers: (number | null)[]; scale: Scale; reversed: boolean[]; expected: number | null }[];
}>("scale.json");

describe("respondentScore against pandas", () => {
  it.each(reference.respondents.map((c, index) => [index + 1, c] as const))("matches respondent %p", (_index, fixture) => {
    const score = respondentScore(toNumbers(fixture.answers), fixture.scale, fixture.reversed);
    if (fixture.expected === null) expect(score).toBeNaN();
    else expectClose(score, fixture.expected, 1e-12);
  });

  it("returns out-of-scale for an answer outside the scale, naming it", () => {
    const error = catchSymError(() => respondentScore([3, 9], { min: 1, max: 5 }), "out-of-scale");
    expect(error.message).toContain("9");
  });
});

describe("groupScore", () => {
  it("averages the respondents who have a score and counts them", () => {
    expect(groupScore([50, Number.NaN, 100, 0])).toEqual({ score: 50, n: 3 });
  });

  it("returns too-few-values when no respondent answered", () => {
    const error = catchSymError(() => groupScore([Number.NaN, Number.NaN]), "too-few-values");
    expect(error.message).toMatch(/got 0/);
  });
});

describe("favourableShare (top-2-box) against pandas", () => {
  it.each(reference.favourable.map((c) => [c.name, c] as const))("matches for %s", (_name, fixture) => {
    const result = favourableShare(toNumbers(fixture.answers), fixture.scale, fixture.reversed);
    expectClose(result.share, fixture.expected.share, 1e-12);
    expect(result.n).toBe(fixture.expected.n);
  });

  it("returns too-few-values when every answer is missing", () => {
    catchSymError(() => favourableShare([Number.NaN], { min: 1, max: 5 }), "too-few-values");
  });

  it("returns out-of-scale for an answer outside the scale, naming it and its position", () => {
    const error = catchSymError(() => favourableShare([5, 4, 0], { min: 1, max: 5 }), "out-of-scale");
    expect(error.message).toContain("answer 0");
    expect(error.message).toContain("position 3");
  });

  it("returns invalid-argument for a scale whose max is not above its min", () => {
    const error = catchSymError(() => favourableShare([5], { min: 5, max: 1 }), "invalid-argument");
    expect(error.message).toContain("5–1");
  });
});
