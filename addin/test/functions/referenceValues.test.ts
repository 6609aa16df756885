/**
 * Every SYM.* function called with plain arrays (rows = respondents), against reference values
 * computed independently with numpy / pandas / scipy by fixtures/make_reference.py (see the call
 * used for each value there); TURNOVER and TURNOVERCOST against hand arithmetic.
 */
import * as sym from "../../src/functions/functions";
import reference from "./fixtures/reference.json";

/** Relative tolerance: t and normal quantiles come from two libraries (stdlib here, scipy there), which agree to ~1e-8. */
function expectClose(actual: unknown, expected: number, tolerance = 1e-7): void {
  expect(typeof actual).toBe("number");
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
}

function expectRowClose(actual: unknown[][], expected: (number | string)[]): void {
  expect(actual).toHaveLength(1);
  expect(actual[0]).toHaveLength(expected.length);
  expected.forEach((value, index) => {
    if (typeof value === "string") expect(actual[0][index]).toBe(value);
    else expectClose(actual[0][index], value);
  });
}

describe("recommendation functions (scipy.stats.norm for the adjusted-Wald interval and z test)", () => {
  const { nps } = reference;

  it('ENPS and NPS count promoters and detractors, skipping null, "" and NSP', () => {
    expectClose(sym.enps(nps.answers), nps.enps);
    expectClose(sym.nps(nps.answers), nps.enps);
  });

  it("NPSCI spills value, low, high, n at 95 % and 90 %", () => {
    expectRowClose(sym.npsci(nps.answers), nps.npsci95);
    expectRowClose(sym.npsci(nps.answers, 0.9), nps.npsci90);
  });

  it("NPSDIFF spills difference, z, p", () => {
    expectRowClose(sym.npsdiff(nps.answers, nps.b), nps.npsdiff);
  });
});

describe("score functions (pandas row means of normalised items)", () => {
  const { score } = reference;

  it("SCORE averages normalised items per respondent, then over respondents", () => {
    expectClose(sym.score(score.answers, 1, 5), score.score);
    expectClose(sym.score(score.answers, 1, 5, true), score.scoreReversed);
  });

  it("FAVORABLE is the top-2-box share of answers", () => {
    expectClose(sym.favorable(score.answers, 1, 5), score.favorable);
  });

  it("SYMGAP subtracts the customer score from the employee score, each on its own scale", () => {
    expectClose(sym.symgap(reference.gap.employees, reference.gap.customers, 1, 5, 1, 10), reference.gap.gapMixedScales);
    expectClose(sym.symgap(reference.gap.employees, reference.gap.customersFive), reference.gap.gapDefaultScale);
  });
});

describe("GAPTEST (scipy.stats.ttest_ind equal_var=False, scipy.stats.t CI, Hedges' g)", () => {
  const { gaptest } = reference;

  it("spills gap, low, high, p, g and the alert status with the defaults", () => {
    expectRowClose(sym.gaptest(gaptest.employees, gaptest.customers), gaptest.default);
  });

  it("takes the threshold and alpha (interval at 1 − alpha)", () => {
    expectRowClose(sym.gaptest(gaptest.employees, gaptest.customers, 1, 5, 5, 0.1), gaptest.alpha10threshold5);
  });

  it("says watch for a large gap that is not significant", () => {
    expectRowClose(sym.gaptest(gaptest.smallEmployees, gaptest.smallCustomers), gaptest.small);
  });
});

describe("DIMENSION: both scores and the gap test in one spilled row (the same references)", () => {
  const { gaptest, score, gap } = reference;

  it("spills the two pandas scores, then GAPTEST's scipy row", () => {
    const [row] = sym.dimension(gaptest.employees, gaptest.customers);
    expect(row).toHaveLength(8);
    expectRowClose([row.slice(2)], gaptest.default);
    expectClose(row[0] - row[1], gaptest.default[0] as number);
    expectRowClose([sym.dimension(score.answers, score.answers)[0].slice(0, 2)], [score.score, score.score]);
    expectRowClose([sym.dimension(gaptest.employees, gaptest.customers, 1, 5, 1, 5, 5, 0.1)[0].slice(2)], gaptest.alpha10threshold5);
  });

  it("leaves the test empty when the two questionnaires use different scales, and keeps SYMGAP's gap", () => {
    const [row] = sym.dimension(gap.employees, gap.customers, 1, 5, 1, 10);
    expectClose(row[2], gap.gapMixedScales);
    expect(row.slice(3)).toEqual(["", "", "", "", ""]);
  });

  it("answers #N/A under the confidentiality threshold, as SCORE does", () => {
    expect(() => sym.dimension([[1], [2]], gaptest.customers)).toThrow();
  });
});

describe("GAPCHANGE (four-sample Welch: pandas moments, scipy.stats.t)", () => {
  const { gapchange } = reference;

  it("spills the change of the gap, low, high, p and its status", () => {
    expectRowClose(
      sym.gapchange(gapchange.employees1, gapchange.customers1, gapchange.employees2, gapchange.customers2),
      gapchange.default as (number | string)[],
    );
  });

  it("takes alpha (interval at 1 − alpha)", () => {
    expectRowClose(
      sym.gapchange(gapchange.employees1, gapchange.customers1, gapchange.employees2, gapchange.customers2, 1, 5, 0.1),
      gapchange.alpha10 as (number | string)[],
    );
  });

  it("is 0, p 1 and stable from a wave to itself", () => {
    expectRowClose(
      sym.gapchange(gapchange.employees1, gapchange.customers1, gapchange.employees1, gapchange.customers1),
      gapchange.sameWave as (number | string)[],
    );
  });
});

describe("SYMINDEX (numpy.average)", () => {
  const { symindex } = reference;

  it("is 100 minus the mean absolute gap, blanks skipped", () => {
    expectClose(sym.symindex(symindex.gaps), symindex.unweighted);
  });

  it("weights the gaps", () => {
    expectClose(sym.symindex(symindex.gaps, symindex.weights), symindex.weighted);
  });
});

describe("ALPHA (pandas var(ddof=1), listwise)", () => {
  it("drops rows with a blank item and uses sample variances", () => {
    expectClose(sym.alpha(reference.alpha.answers), reference.alpha.alpha);
  });
});

describe("BYGROUP (pandas groupby)", () => {
  const { bygroup } = reference;
  type Row = [string, unknown, unknown];

  function expectGroups(rows: unknown[][], values: Record<string, number>): void {
    const byLabel = new Map((rows as Row[]).map((row) => [row[0], row]));
    expect([...byLabel.keys()]).toEqual(["Alpha", "Bravo", "Charlie", "Delta"]);
    // Charlie (3) is under 5; Bravo (7), the smallest visible group, is hidden too so that
    // Charlie cannot be recovered by subtracting the visible groups from the total.
    for (const hidden of ["Bravo", "Charlie"]) {
      const [, n, value] = byLabel.get(hidden)!;
      expect(n).toBeInstanceOf(Error);
      expect(value).toBeInstanceOf(Error);
      expect((value as { code: string }).code).toBe("#N/A");
      expect(typeof value).not.toBe("number");
    }
    for (const shown of ["Alpha", "Delta"]) {
      const [, n, value] = byLabel.get(shown)!;
      expect(n).toBe(bygroup.n[shown as keyof typeof bygroup.n]);
      expectClose(value, values[shown]);
    }
  }

  it("eNPS per group with confidentiality and complementary suppression", () => {
    expectGroups(sym.bygroup(bygroup.groups, bygroup.enpsAnswers), bygroup.enps);
    expectGroups(sym.bygroup(bygroup.groups, bygroup.enpsAnswers, "nps"), bygroup.enps);
  });

  it("score and favourable % per group", () => {
    expectGroups(sym.bygroup(bygroup.groups, bygroup.scoreAnswers, "score"), bygroup.score);
    expectGroups(sym.bygroup(bygroup.groups, bygroup.scoreAnswers, "favorable", 5, 1, 5), bygroup.favorable);
  });

  it("a threshold under 5 is refused rather than showing the group of 3", () => {
    expect(() => sym.bygroup(bygroup.groups, bygroup.enpsAnswers, "enps", 3)).toThrow(/cannot be below 5/);
    for (const low of [1, 2, 4]) expect(() => sym.bygroup(bygroup.groups, bygroup.enpsAnswers, "enps", low)).toThrow(/cannot be below 5/);
  });
});

describe("CORR and CORRTEST (scipy.stats.pearsonr / spearmanr, Fisher-z interval)", () => {
  const { corr } = reference;

  it("Pearson by default, pairs with a blank dropped", () => {
    expectClose(sym.corr(corr.x, corr.y), corr.pearson[0]);
    expectRowClose(sym.corrtest(corr.x, corr.y), corr.pearson);
  });

  it("Spearman with a 90 % interval", () => {
    expectClose(sym.corr(corr.x, corr.y, "spearman"), corr.spearman90[0]);
    expectRowClose(sym.corrtest(corr.x, corr.y, "Spearman", 0.9), corr.spearman90);
  });
});

describe("TURNOVER and TURNOVERCOST (hand arithmetic)", () => {
  it("rate is leavers over average headcount", () => {
    expect(sym.turnover(12, 80)).toBeCloseTo(0.15, 12);
  });

  it("cost is leavers × salary × ratio, 21 % by default", () => {
    expect(sym.turnovercost(10, 30000)).toBeCloseTo(63000, 6);
    expect(sym.turnovercost(4, 42000, 1.5)).toBeCloseTo(252000, 6);
  });
});
