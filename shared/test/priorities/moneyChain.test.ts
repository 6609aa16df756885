import * as fs from "node:fs";
import * as path from "node:path";
import { enpsRegression, moneyChain, turnoverOnEnps } from "@symmetry/engine/priorities/moneyChain";
import { RespondentMomentsAccumulator } from "@symmetry/engine/priorities/respondentDrivers";

/**
 * The money chain against an independent computation: reference/make_money_chain.py wrote
 * reference/money_chain.json with statsmodels (Welch gaps, OLS of the eNPS contribution on the
 * scores, OLS of unit turnover on unit eNPS) and a numpy Monte Carlo of 2,000,000 draws.
 */
interface Estimate {
  estimate: number;
  standardError: number;
  low: number;
  high: number;
  p: number;
}
interface Reference {
  dimensions: string[];
  costRatio: number;
  confidence: number;
  employees: { scores: number[][]; answers: number[]; units: string[] };
  gaps: { id: string; gap: number; low: number; high: number; df: number }[];
  regression: { n: number; df: number; rSquared: number; coefficients: Record<string, Estimate> };
  units: { unit: string; promoters: number; passives: number; detractors: number; headcount: number; leavers: number; salary: number }[];
  turnover: {
    units: number;
    slope: number;
    low: number;
    high: number;
    standardError: number;
    p: number;
    headcount: number;
    meanSalary: number;
  };
  chain: Record<string, { points: number; enps: number; leavers: number; costPerLeaver: number; value: number; low: number; high: number }>;
}
const reference = JSON.parse(fs.readFileSync(path.join(__dirname, "reference", "money_chain.json"), "utf8")) as Reference;

function relative(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
}

function moments() {
  const accumulator = new RespondentMomentsAccumulator(reference.dimensions.length);
  reference.employees.scores.forEach((scores, index) => accumulator.add(scores, reference.employees.answers[index]));
  return accumulator.result(reference.dimensions);
}

const aggregates = Object.fromEntries(
  reference.units.map((unit) => [
    unit.unit,
    { recommendation: { promoters: unit.promoters, passives: unit.passives, detractors: unit.detractors } },
  ]),
);
const facts = reference.units.map(({ unit, headcount, leavers, salary }) => ({ unit, headcount, leavers, salary }));
const alerts = reference.gaps.map((gap) => ({ ...gap, label: gap.id, degreesOfFreedom: gap.df }));

describe("money chain", () => {
  it("regresses the eNPS contribution on the scores as statsmodels OLS does", () => {
    const regression = enpsRegression(moments(), reference.dimensions, reference.confidence)!;
    expect(regression.n).toBe(reference.regression.n);
    expect(regression.degreesOfFreedom).toBe(reference.regression.df);
    expect(relative(regression.rSquared, reference.regression.rSquared)).toBeLessThan(1e-9);
    for (const coefficient of regression.coefficients) {
      const expected = reference.regression.coefficients[coefficient.id];
      for (const key of ["estimate", "standardError", "low", "high", "p"] as const) {
        expect(relative(coefficient[key], expected[key])).toBeLessThan(1e-8);
      }
    }
  });

  it("regresses unit turnover on unit eNPS as statsmodels OLS does, over units with the facts", () => {
    const turnover = turnoverOnEnps(
      aggregates,
      [...facts, { unit: "no facts" }, { unit: "U01-absent", headcount: 10, leavers: 1, salary: 1 }],
      5,
    )!;
    for (const key of ["units", "slope", "low", "high", "standardError", "p", "headcount", "meanSalary"] as const) {
      expect(relative(turnover[key], reference.turnover[key])).toBeLessThan(1e-9);
    }
  });

  it("chains points, eNPS, leavers and cost as numpy does, with the Monte Carlo interval of 2,000,000 draws", () => {
    const regression = enpsRegression(moments(), reference.dimensions, reference.confidence)!;
    const turnover = turnoverOnEnps(aggregates, facts, 5)!;
    const chain = moneyChain(alerts, regression, turnover, { costRatio: reference.costRatio, replicates: 200_000, seed: 7 });
    expect(chain.estimate).toBe(true);
    expect(chain.notValued).toEqual(["information"]);
    expect(chain.alerts.map((entry) => entry.id)).toEqual(Object.keys(reference.chain));
    for (const entry of chain.alerts) {
      const expected = reference.chain[entry.id];
      expect(relative(entry.points.estimate, expected.points)).toBeLessThan(1e-12);
      expect(relative(entry.enps, expected.enps)).toBeLessThan(1e-8);
      expect(relative(entry.leavers, expected.leavers)).toBeLessThan(1e-8);
      expect(relative(entry.costPerLeaver, expected.costPerLeaver)).toBeLessThan(1e-12);
      expect(relative(entry.value.estimate, expected.value)).toBeLessThan(1e-8);
      // Two generators, 200,000 against 2,000,000 draws: the percentiles agree to Monte Carlo error.
      expect(relative(entry.value.low, expected.low)).toBeLessThan(0.01);
      expect(relative(entry.value.high, expected.high)).toBeLessThan(0.01);
      // Each link's own interval: the gap's, the coefficient's, the slope's.
      const gap = reference.gaps.find((candidate) => candidate.id === entry.id)!;
      expect(entry.points.low).toBeCloseTo(-gap.high, 12);
      expect(entry.enpsPerPoint.low).toBeCloseTo(reference.regression.coefficients[entry.id].low, 8);
      expect(relative(entry.leaversPerEnpsPoint.low, -reference.turnover.high * reference.turnover.headcount)).toBeLessThan(1e-9);
    }
  });

  it("is the same for the same seed and moves only by Monte Carlo error with another", () => {
    const regression = enpsRegression(moments(), reference.dimensions)!;
    const turnover = turnoverOnEnps(aggregates, facts, 5)!;
    const first = moneyChain(alerts, regression, turnover, { seed: 3 });
    expect(moneyChain(alerts, regression, turnover, { seed: 3 })).toEqual(first);
    const other = moneyChain(alerts, regression, turnover, { seed: 4 });
    expect(other.alerts[0].value.low).not.toBe(first.alerts[0].value.low);
    expect(relative(other.alerts[0].value.low, first.alerts[0].value.low)).toBeLessThan(0.05);
  });

  it("the eNPS contribution's mean is the eNPS of the respondents", () => {
    const folded = moments();
    const answers = reference.employees.answers;
    const enps = (100 * (answers.filter((answer) => answer >= 9).length - answers.filter((answer) => answer <= 6).length)) / answers.length;
    expect(folded.means[reference.dimensions.length + 1]).toBeCloseTo(enps, 10);
  });

  it("gives no regression under 30 respondents and no turnover link under 3 units", () => {
    const accumulator = new RespondentMomentsAccumulator(reference.dimensions.length);
    reference.employees.scores.slice(0, 29).forEach((scores, index) => accumulator.add(scores, reference.employees.answers[index]));
    expect(enpsRegression(accumulator.result(reference.dimensions), reference.dimensions)).toBeNull();
    expect(turnoverOnEnps(aggregates, facts.slice(0, 2), 5)).toBeNull();
    // Units under the confidentiality threshold give no eNPS, hence no point.
    expect(turnoverOnEnps(aggregates, facts, 10_000)).toBeNull();
  });

  it("refuses a negative cost ratio and a number of draws out of range", () => {
    const regression = enpsRegression(moments(), reference.dimensions)!;
    const turnover = turnoverOnEnps(aggregates, facts, 5)!;
    expect(() => moneyChain(alerts, regression, turnover, { costRatio: -1 })).toThrow("cost ratio");
    expect(() => moneyChain(alerts, regression, turnover, { replicates: 10 })).toThrow("100 to 1,000,000 draws");
  });
});
