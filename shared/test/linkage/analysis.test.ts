/**
 * The whole linkage (planLinkage → bootstrapChunk → completeLinkage) against
 * shared/test/linkage/reference/linkage.json: a request of 44 units (4 under the threshold,
 * a few missing values) whose expected correlations come from scipy.stats.pearsonr/spearmanr,
 * q from statsmodels multipletests(fdr_bh) per method, quartiles from a pandas sort with
 * statsmodels CompareMeans.tconfint_diff(usevar="unequal") and scipy ttest_ind(equal_var=False),
 * drivers from numpy Johnson (2000) weights, turnover from scipy.stats.linregress; lag pairs
 * from a pandas merge of wave t with wave t+1 (make_reference.py).
 */
import fc from "fast-check";
import {
  drawResampleCounts,
  percentileInterval,
  resampleCorrelation,
  bootstrapChunk,
  bootstrapRanges,
  completeLinkage,
  COST_RATIO_PRESETS,
  orderWaves,
  planLinkage,
  runLinkage,
  type BootstrapChunk,
  type LinkageRequest,
  type UnitRow,
} from "@symmetry/engine";
import { catchSymError, expectClose, expectRelativelyClose, loadLinkageReference } from "./support";

const reference = loadLinkageReference();
const fixture = reference.request;
const request: LinkageRequest = fixture.request;

describe("linkage of the reference request against scipy, statsmodels and numpy", () => {
  const result = runLinkage(request);

  it("counts the units kept and the units under the threshold", () => {
    expect(result.units).toBe(fixture.expected.units);
    expect(result.excluded).toBe(fixture.expected.excluded);
    expect(result.observations).toBe(fixture.expected.units);
  });

  it("matches every correlation: r, Fisher interval, p, BH q, n", () => {
    expect(result.correlations).toHaveLength(fixture.expected.correlations.length);
    fixture.expected.correlations.forEach((expected) => {
      const row = result.correlations.find((r) => r.x === expected.x && r.y === expected.y && r.method === expected.method)!;
      const label = `${expected.method} ${expected.x}~${expected.y}`;
      expect(row.n).toBe(expected.n);
      expectClose(row.r, expected.r, 1e-12, `${label} r`);
      expectClose(row.low, expected.low, 1e-12, `${label} low`);
      expectClose(row.high, expected.high, 1e-12, `${label} high`);
      expectRelativelyClose(row.p, expected.p, 1e-9, `${label} p`);
      expectRelativelyClose(row.q, expected.q, 1e-9, `${label} q`);
    });
  });

  it("gives bootstrap intervals that bracket r and lie in [−1, 1]", () => {
    for (const row of result.correlations) {
      expect(row.bootLow).not.toBeNull();
      expect(row.bootLow!).toBeLessThanOrEqual(row.r + 0.05);
      expect(row.bootHigh!).toBeGreaterThanOrEqual(row.r - 0.05);
      expect(row.bootLow!).toBeGreaterThanOrEqual(-1);
      expect(row.bootHigh!).toBeLessThanOrEqual(1);
      expect(row.bootLow!).toBeLessThan(row.bootHigh!);
    }
  });

  it("matches every quartile comparison: means, difference, Welch interval and p", () => {
    expect(result.quartiles).toHaveLength(fixture.expected.quartiles.length);
    fixture.expected.quartiles.forEach((expected) => {
      const row = result.quartiles.find((r) => r.x === expected.x && r.y === expected.y)!;
      expect(row.unitsPerQuartile).toBe(expected.unitsPerQuartile);
      expectClose(row.top, expected.top, 1e-12);
      expectClose(row.bottom, expected.bottom, 1e-12);
      expectClose(row.difference, expected.difference, 1e-12);
      // Welch interval through @stdlib's t quantile (≈4e-10 relative of scipy's).
      expectClose(row.low!, expected.low, 1e-8);
      expectClose(row.high!, expected.high, 1e-8);
      expectRelativelyClose(row.p!, expected.p, 1e-8);
    });
  });

  it("matches the relative weights, shares of R² and R² of every outcome", () => {
    expect(result.drivers).toHaveLength(fixture.expected.drivers.length);
    fixture.expected.drivers.forEach((expected) => {
      const row = result.drivers.find((r) => r.y === expected.y && r.id === expected.id)!;
      expectClose(row.weight, expected.weight, 1e-10);
      expectClose(row.share, expected.share, 1e-10);
      expectClose(row.rSquared, expected.rSquared, 1e-10);
      expect(row.n).toBe(expected.n);
      expect(row.low!).toBeLessThanOrEqual(row.high!);
    });
    for (const y of request.y) {
      const shares = result.drivers.filter((row) => row.y === y).reduce((sum, row) => sum + row.share, 0);
      expectClose(shares, 1, 1e-12);
    }
  });

  it("matches the turnover regression and its money: valuePerPoint = −slope × headcount × mean salary × cost ratio", () => {
    const expected = fixture.expected.turnover;
    const turnover = result.turnover!;
    expect(turnover.n).toBe(expected.n);
    expectClose(turnover.slope, expected.slope, 1e-12);
    expectClose(turnover.intercept, expected.intercept, 1e-12);
    expectClose(turnover.low, expected.low, 1e-9);
    expectClose(turnover.high, expected.high, 1e-9);
    expectRelativelyClose(turnover.p, expected.p, 1e-8);
    expect(turnover.headcount).toBe(expected.headcount);
    expectClose(turnover.meanSalary, expected.meanSalary, 1e-12);
    expectClose(turnover.avoidedLeavers, expected.avoidedLeavers, 1e-10);
    expectClose(turnover.valuePerPoint, expected.valuePerPoint, 1e-10);
    expectClose(turnover.valueOfDelta, expected.valueOfDelta, 1e-10);
    expect(turnover.costRatio).toBe(0.3);
    expect(turnover.presets.map((preset) => preset.costRatio)).toEqual([0.21, 0.5, 1.5]);
    for (const preset of turnover.presets) expectClose(preset.valuePerPoint, expected.presets[String(preset.costRatio)], 1e-10);
    expect(COST_RATIO_PRESETS.map((preset) => preset.ratio)).toEqual([0.21, 0.5, 1.5]);
  });
});

describe("same seed, same numbers however the bootstrap is split", () => {
  const small: LinkageRequest = { ...request, bootstrap: 120, seed: 99 };
  const whole = runLinkage(small);

  function splitRun(size: number, order: (chunks: { from: number; to: number }[]) => { from: number; to: number }[]) {
    const plan = planLinkage(small);
    // Each chunk on a fresh plan, as a separate worker would; results pass through JSON as on a queue.
    const chunks: BootstrapChunk[] = order(bootstrapRanges(120, size)).map((range) =>
      JSON.parse(JSON.stringify(bootstrapChunk(planLinkage(small), range.from, range.to))),
    );
    return completeLinkage(plan, chunks);
  }

  it.each([1, 7, 13, 50, 119, 120, 500])("gives identical results with chunks of %d replicates", (size) => {
    expect(splitRun(size, (ranges) => ranges)).toEqual(whole);
  });

  it("gives identical results whatever order the chunks arrive in, and with a chunk delivered twice", () => {
    expect(splitRun(9, (ranges) => [...ranges].reverse())).toEqual(whole);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 1000 }), (size, shuffleSeed) => {
        const shuffled = (ranges: { from: number; to: number }[]) => {
          const copy = [...ranges];
          let state = shuffleSeed + 1;
          for (let i = copy.length - 1; i > 0; i--) {
            state = (state * 1103515245 + 12345) % 2147483648;
            const j = state % (i + 1);
            [copy[i], copy[j]] = [copy[j], copy[i]];
          }
          return [...copy, copy[0]];
        };
        expect(splitRun(size, shuffled)).toEqual(whole);
      }),
      { numRuns: 15 },
    );
  });

  it("gives identical results when the units arrive in another order", () => {
    const reversed = runLinkage({ ...small, units: [...small.units].reverse() });
    expect(reversed).toEqual(whole);
  });

  it("gives different bootstrap intervals for another seed, the same point estimates", () => {
    const other = runLinkage({ ...small, seed: 100 });
    expect(other.correlations.map((row) => row.r)).toEqual(whole.correlations.map((row) => row.r));
    expect(other.correlations.map((row) => row.bootLow)).not.toEqual(whole.correlations.map((row) => row.bootLow));
    expect(other.drivers.map((row) => row.low)).not.toEqual(whole.drivers.map((row) => row.low));
  });

  it("refuses chunks that leave a gap, and chunk ranges outside the replicates", () => {
    const plan = planLinkage(small);
    const chunks = [bootstrapChunk(plan, 0, 50), bootstrapChunk(plan, 60, 120)];
    expect(catchSymError(() => completeLinkage(plan, chunks), "invalid-argument").message).toMatch(/50–59/);
    expect(catchSymError(() => bootstrapChunk(plan, 100, 121), "invalid-argument").message).toMatch(/120/);
    expect(catchSymError(() => bootstrapRanges(120, 0), "invalid-argument").message).toMatch(/chunk size/);
    const other = planLinkage({ ...small, methods: ["pearson"] });
    expect(catchSymError(() => completeLinkage(other, [bootstrapChunk(plan, 0, 120)]), "shape-mismatch").message).toMatch(/does not match/);
  });
});

describe("bootstrap replicates are the resample statistics of the generator's counts", () => {
  const plan = planLinkage({ ...request, bootstrap: 40, seed: 3 });
  const chunk = bootstrapChunk(plan, 0, 40);

  it("equal resampleCorrelation (checked against scipy on numpy.repeat) for every pair, method and replicate", () => {
    const counts = new Uint32Array(plan.table.rows);
    for (let replicate = 0; replicate < 40; replicate += 7) {
      drawResampleCounts(3, replicate, counts);
      plan.request.methods.forEach((method, methodIndex) => {
        plan.pairs.forEach((pair, pairIndex) => {
          const x = Array.from(pair.rows, (row) => plan.table.x[pair.x][row]);
          const y = Array.from(pair.rows, (row) => plan.table.y[pair.y][row]);
          const pairCounts = Array.from(pair.rows, (row) => counts[row]);
          const expected = resampleCorrelation(x, y, pairCounts, method);
          expectClose(
            chunk.correlations[methodIndex * plan.pairs.length + pairIndex][replicate]!,
            expected,
            1e-12,
            `${method} ${pair.x}~${pair.y} #${replicate}`,
          );
        });
      });
    }
  });

  it("give the reported interval as the percentiles of the replicates", () => {
    const result = completeLinkage(plan, [chunk]);
    result.correlations.forEach((row, series) => {
      const interval = percentileInterval(
        chunk.correlations[series].map((value) => value ?? Number.NaN),
        0.95,
      );
      expect(row.bootLow).toBe(interval.low);
      expect(row.bootHigh).toBe(interval.high);
    });
  });
});

describe("point estimates do not depend on the order of units (fast-check)", () => {
  it("keeps r, p, quartiles and drivers under any permutation of the units", () => {
    const base = runLinkage({ ...request, bootstrap: 0 });
    fc.assert(
      fc.property(
        fc.shuffledSubarray(request.units as UnitRow[], { minLength: request.units.length, maxLength: request.units.length }),
        (units) => {
          const shuffled = runLinkage({ ...request, bootstrap: 0, units });
          shuffled.correlations.forEach((row, index) => {
            expectClose(row.r, base.correlations[index].r, 1e-12);
            expectRelativelyClose(row.p, base.correlations[index].p, 1e-9);
            expect(row.r).toBeGreaterThanOrEqual(-1);
            expect(row.r).toBeLessThanOrEqual(1);
          });
          expect(shuffled.quartiles).toEqual(base.quartiles);
          shuffled.drivers.forEach((row, index) => expectClose(row.weight, base.drivers[index].weight, 1e-12));
        },
      ),
      { numRuns: 10 },
    );
  });
});

function unit(name: string, employeesN: number, metrics: Record<string, number | null>, extra: Partial<UnitRow> = {}): UnitRow {
  return { unit: name, employeesN, metrics, ...extra };
}

/** Eight units with two metrics, enough for a correlation; n given per unit. */
function units(sizes: number[]): UnitRow[] {
  return sizes.map((size, index) =>
    unit(`u${index}`, size, { enps: [10, 30, 25, 40, 5, 60, 45, 20][index % 8] + index, nps: [20, 35, 30, 50, 10, 55, 40, 35][index % 8] }),
  );
}

describe("exclusion of units under the confidentiality threshold", () => {
  it("leaves out units with fewer employees than minN and counts them", () => {
    const result = runLinkage({ units: units([5, 12, 4, 30, 3, 8, 9, 10]), x: ["enps"], y: ["nps"], bootstrap: 0 });
    expect(result.units).toBe(6);
    expect(result.excluded).toBe(2);
    expect(result.correlations[0].n).toBe(6);
  });

  it("uses the minN of the request (at the threshold is kept)", () => {
    const result = runLinkage({ units: units([5, 12, 4, 30, 3, 8, 9, 10]), x: ["enps"], y: ["nps"], bootstrap: 0, minN: 9 });
    expect(result.units).toBe(4);
    expect(result.excluded).toBe(4);
  });

  it("says how many units were excluded when too few remain", () => {
    const error = catchSymError(
      () => runLinkage({ units: units([5, 12, 4, 3, 3, 2, 9, 1]), x: ["enps"], y: ["nps"], minN: 6 }),
      "too-few-values",
    );
    expect(error.message).toMatch(/at least 4 units/);
    expect(error.message).toMatch(/got 2/);
    expect(error.message).toMatch(/6 units are under the confidentiality threshold/);
  });
});

describe("lag: employee wave t against outcome wave t+1 of the same unit", () => {
  it.each(reference.lag.map((c) => [c.name, c] as const))("pairs as the pandas merge does, %s", (_name, lagFixture) => {
    const plan = planLinkage(lagFixture.request);
    expect(orderWaves(lagFixture.request.units.map((row: UnitRow) => row.wave!))).toEqual(lagFixture.waveOrder);
    expect(plan.table.rows).toBe(lagFixture.expected.observations);
    expect(plan.table.units).toBe(lagFixture.expected.units);
    expect(plan.table.excluded).toBe(lagFixture.expected.excluded);
    expect(plan.table.labels).toEqual(lagFixture.expected.pairs.map((pair: string) => pair.replace("|", " (") + ")"));
    const result = completeLinkage(plan, [bootstrapChunk(plan, 0, 0)]);
    expectClose(result.correlations[0].r, lagFixture.expected.pearson.r, 1e-12);
    expectRelativelyClose(result.correlations[0].p, lagFixture.expected.pearson.p, 1e-9);
    expect(result.lag).toBe(true);
  });

  it("orders numeric waves by value and other waves by their numbers", () => {
    expect(orderWaves(["10", "2", "1", "2"])).toEqual(["1", "2", "10"]);
    expect(orderWaves(["10", "9.5", "1.25"])).toEqual(["1.25", "9.5", "10"]);
    expect(orderWaves(["2024-10", "2024-9", "2023-12"])).toEqual(["2023-12", "2024-9", "2024-10"]);
    expect(orderWaves(["W10", "W9", "W1"])).toEqual(["W1", "W9", "W10"]);
    expect(orderWaves(["2024-S2", "2024-S1", "2023-S2"])).toEqual(["2023-S2", "2024-S1", "2024-S2"]);
  });

  it("does not pair across a wave whose units are all under the threshold", () => {
    const rows: UnitRow[] = [];
    for (const [wave, size] of [
      ["1", 10],
      ["2", 2],
      ["3", 10],
    ] as const) {
      for (let index = 0; index < 6; index++)
        rows.push(unit(`u${index}`, size, { enps: index * (Number(wave) + 1), nps: index * index + Number(wave) }, { wave }));
    }
    const error = catchSymError(() => planLinkage({ units: rows, x: ["enps"], y: ["nps"], lag: true }), "too-few-values");
    expect(error.message).toMatch(/got 0/);
  });

  it("pairs wave t employee metrics with wave t+1 outcomes (hand-made)", () => {
    const rows: UnitRow[] = [];
    for (let index = 0; index < 5; index++) {
      rows.push(unit(`u${index}`, 10, { enps: index, nps: 100 + index }, { wave: "1" }));
      rows.push(unit(`u${index}`, 10, { enps: 50 + index, nps: [7, 3, 9, 1, 5][index] }, { wave: "2" }));
    }
    const plan = planLinkage({ units: rows, x: ["enps"], y: ["nps"], lag: true, bootstrap: 0 });
    expect(Array.from(plan.table.x.enps)).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(plan.table.y.nps)).toEqual([7, 3, 9, 1, 5]);
  });

  it("refuses lag without a wave, naming the unit", () => {
    const rows = units([10, 10, 10, 10, 10]).map((row, index) => (index === 2 ? row : { ...row, wave: "1" }));
    expect(catchSymError(() => planLinkage({ units: rows, x: ["enps"], y: ["nps"], lag: true }), "invalid-argument").message).toMatch(
      /"u2" has none/,
    );
  });
});

describe("bad inputs give clear errors before any replicate runs", () => {
  const base = { units: units([10, 10, 10, 10, 10, 10, 10, 10]), x: ["enps"], y: ["nps"] };

  it("too few units", () => {
    const error = catchSymError(() => planLinkage({ ...base, units: base.units.slice(0, 3) }), "too-few-values");
    expect(error.message).toMatch(/correlation of "enps" with "nps" requires at least 4 units with both metrics, got 3/);
  });

  it("a constant column, named with its value", () => {
    const rows = base.units.map((row) => ({ ...row, metrics: { ...row.metrics, nps: 0.1 } }));
    const error = catchSymError(() => planLinkage({ ...base, units: rows }), "zero-variance");
    expect(error.message).toMatch(/"nps" is 0.1 in all 8 units/);
  });

  it("a metric that is not a column, listing the available ones", () => {
    const error = catchSymError(() => planLinkage({ ...base, y: ["customer_nps"] }), "invalid-argument");
    expect(error.message).toMatch(/"customer_nps" is not a column of the units \(available: enps, nps\)/);
    expect(catchSymError(() => planLinkage({ ...base, turnover: { x: "symmetry" } }), "invalid-argument").message).toMatch(/"symmetry"/);
  });

  it("missing values leave a unit out of that pair only", () => {
    const rows = base.units.map((row, index) => (index === 0 ? { ...row, metrics: { enps: row.metrics.enps, nps: null } } : row));
    const result = runLinkage({ ...base, units: rows, bootstrap: 0 });
    expect(result.correlations[0].n).toBe(7);
  });

  it("a unit listed twice", () => {
    const rows = [...base.units, { ...base.units[3] }];
    const error = catchSymError(() => planLinkage({ ...base, units: rows }), "invalid-argument");
    expect(error.message).toMatch(/unit "u3" appears twice \(row 9\)/);
    const waved = base.units.map((row) => ({ ...row, wave: "1" }));
    expect(
      catchSymError(() => planLinkage({ ...base, lag: true, units: [...waved, { ...waved[0] }] }), "invalid-argument").message,
    ).toMatch(/wave "1" appears twice/);
  });

  it("drivers under 25 units, or with one predictor", () => {
    const predictors = { predictors: ["enps", "recognition"] };
    const rows = base.units.map((row, index) => ({ ...row, metrics: { ...row.metrics, recognition: (index * 7) % 5 } }));
    const error = catchSymError(() => planLinkage({ ...base, units: rows, drivers: predictors }), "too-few-values");
    expect(error.message).toMatch(/key drivers require at least 25 units with every metric for "nps", got 8/);
    expect(catchSymError(() => planLinkage({ ...base, drivers: {} }), "invalid-argument").message).toMatch(/at least two employee metrics/);
  });

  it("collinear driver predictors", () => {
    const many = Array.from({ length: 30 }, (_, index) => unit(`u${index}`, 10, { a: index, b: 2 * index + 1, nps: (index * 37) % 11 }));
    const error = catchSymError(() => planLinkage({ units: many, x: ["a", "b"], y: ["nps"], drivers: {} }), "zero-variance");
    expect(error.message).toMatch(/key drivers of "nps".*collinear/);
  });

  it.each([
    ["units", { units: [] }, /units/],
    ["methods", { methods: ["kendall"] }, /methods/],
    ["bootstrap", { bootstrap: -1 }, /bootstrap/],
    ["seed", { seed: 1.5 }, /seed/],
    ["confidence", { confidence: 95 }, /confidence/],
    ["minN", { minN: 0 }, /minN/],
    ["an unknown field", { extra: true }, /invalid/],
    ["x", { x: [] }, /\bx\b/],
  ])("an invalid %s, naming the field", (_name, change, pattern) => {
    const error = catchSymError(() => planLinkage({ ...base, ...change } as LinkageRequest), "invalid-argument");
    expect(error.message).toMatch(/linkage request is invalid at/);
    expect(error.message).toMatch(pattern);
  });

  it("a metric listed twice", () => {
    expect(catchSymError(() => planLinkage({ ...base, x: ["enps", "enps"] }), "invalid-argument").message).toMatch(/"enps" twice in x/);
  });
});

describe("turnover money", () => {
  function turnoverUnits(): UnitRow[] {
    // Turnover falls 0.002 per eNPS point exactly: slope −0.002, so +1 point avoids 0.002 × headcount leavers.
    return [0, 10, 20, 30, 40, 50].map((enps, index) =>
      unit(
        `t${index}`,
        10,
        { enps, nps: [3, 9, 4, 12, 8, 15][index] },
        { headcount: 50, leavers: 50 * (0.3 - 0.002 * enps), salary: 30000 + 2000 * index },
      ),
    );
  }

  it("values a point of eNPS as −slope × headcount × mean salary × cost ratio, for each preset", () => {
    const result = runLinkage({ units: turnoverUnits(), x: ["enps"], y: ["nps"], bootstrap: 0, turnover: { deltaPoints: 3 } });
    const turnover = result.turnover!;
    expectClose(turnover.slope, -0.002, 1e-12);
    expect(turnover.headcount).toBe(300);
    expectClose(turnover.meanSalary, 35000, 1e-12);
    expectClose(turnover.avoidedLeavers, 0.002 * 300 * 3, 1e-10);
    expectClose(turnover.valuePerPoint, 0.002 * 300 * 35000 * 0.21, 1e-10);
    expectClose(turnover.valueOfDelta, 0.002 * 300 * 35000 * 0.21 * 3, 1e-10);
    expect(turnover.presets.map((preset) => [preset.id, preset.costRatio])).toEqual([
      ["cap-median", 0.21],
      ["half", 0.5],
      ["one-and-a-half", 1.5],
    ]);
    const expectedValues = [0.21, 0.5, 1.5].map((ratio) => 0.002 * 300 * 35000 * ratio);
    turnover.presets.forEach((preset, index) => expectClose(preset.valuePerPoint, expectedValues[index], 1e-10));
  });

  it("takes any cost ratio", () => {
    const result = runLinkage({ units: turnoverUnits(), x: ["enps"], y: ["nps"], bootstrap: 0, turnover: { costRatio: 0.8 } });
    expectClose(result.turnover!.valuePerPoint, 0.002 * 300 * 35000 * 0.8, 1e-10);
  });

  it("derives the turnover metric from leavers / headcount when it is an outcome", () => {
    const result = runLinkage({ units: turnoverUnits(), x: ["enps"], y: ["turnover"], bootstrap: 0 });
    expectClose(result.correlations[0].r, -1, 1e-12);
  });

  it("is skipped with a reason without headcount, leavers and salary, or when x is constant", () => {
    const bare = turnoverUnits().map(({ headcount: _h, leavers: _l, salary: _s, ...row }) => row);
    const skipped = runLinkage({ units: bare, x: ["enps"], y: ["nps"], bootstrap: 0, turnover: {} });
    expect(skipped.turnover).toBeNull();
    expect(skipped.turnoverSkipped).toMatch(/headcount, leavers and salary for at least 3 units, got 0/);
    const constant = turnoverUnits().map((row) => ({ ...row, metrics: { ...row.metrics, level: 4 } }));
    const flat = runLinkage({ units: constant, x: ["enps"], y: ["nps"], bootstrap: 0, turnover: { x: "level" } });
    expect(flat.turnoverSkipped).toMatch(/"level" to vary across units/);
  });
});
