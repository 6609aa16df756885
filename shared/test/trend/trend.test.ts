/**
 * The barometer over time against trend.json (scipy, statsmodels, pandas: see
 * shared/test/reference/make_trend_reference.py), and its confidentiality and bad inputs.
 */
import {
  DEFAULT_MODEL,
  computeTrend,
  gapChange,
  npsChange,
  orderSurveyWaves,
  scoreChange,
  summarise,
  type RecommendationCounts,
  type WaveInput,
  type WavePopulation,
} from "@symmetry/engine";
import { catchSymError, expectClose, expectRelativelyClose, loadReference } from "../support/reference";

interface ScoreCase {
  name: string;
  first: number[];
  second: number[];
  confidence: number;
  expected: { change: number; low: number; high: number; t: number; df: number; p: number };
}
interface GapCase {
  name: string;
  employeesFrom: number[];
  customersFrom: number[];
  employeesTo: number[];
  customersTo: number[];
  confidence: number;
  expected: {
    gapFrom: number;
    gapTo: number;
    gapChange: number;
    low: number;
    high: number;
    t: number;
    df: number;
    p: number;
    status: string;
  };
}
interface NpsCase {
  first: [number, number, number];
  second: [number, number, number];
  expected: { change: number; z: number; p: number };
}
type Row = { wave: string; recommendation: number } & Record<string, number>;
interface TrendReference {
  scoreChanges: ScoreCase[];
  gapChanges: GapCase[];
  npsChanges: NpsCase[];
  trend: {
    rows: { employees: Row[]; customers: Row[] };
    expected: {
      waves: {
        wave: string;
        employees: number;
        customers: number;
        symmetryIndex: number;
        dimensions: { id: string; employee: number; customer: number; gap: number; p: number; status: string }[];
      }[];
      enpsChange: { change: number; z: number; p: number };
      npsChange: { change: number; z: number; p: number };
      dimensions: (GapCase["expected"] & {
        id: string;
        closed: boolean;
        employeeChange: ScoreCase["expected"];
        customerChange: ScoreCase["expected"];
      })[];
    };
  };
}

const reference = loadReference<TrendReference>("trend.json");
const counts = ([promoters, passives, detractors]: readonly number[]): RecommendationCounts => ({ promoters, passives, detractors });

describe("change of a score (scipy ttest_ind(second, first, equal_var=False))", () => {
  it.each(reference.scoreChanges.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const result = scoreChange(summarise(c.first), summarise(c.second), c.confidence);
    expectClose(result.change, c.expected.change, 1e-10, "change");
    expectClose(result.low, c.expected.low, 1e-9, "low");
    expectClose(result.high, c.expected.high, 1e-9, "high");
    expectClose(result.degreesOfFreedom, c.expected.df, 1e-9, "df");
    expectRelativelyClose(result.p, c.expected.p, 1e-7, "p");
  });
});

describe("change of a gap over four samples (Welch–Satterthwaite, pandas + scipy.stats.t)", () => {
  it.each(reference.gapChanges.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const result = gapChange(
      {
        employeesFrom: summarise(c.employeesFrom),
        customersFrom: summarise(c.customersFrom),
        employeesTo: summarise(c.employeesTo),
        customersTo: summarise(c.customersTo),
      },
      c.confidence,
      1 - c.confidence,
    );
    expectClose(result.gapFrom, c.expected.gapFrom, 1e-10, "gapFrom");
    expectClose(result.gapTo, c.expected.gapTo, 1e-10, "gapTo");
    expectClose(result.gapChange, c.expected.gapChange, 1e-10, "gapChange");
    expectClose(result.low, c.expected.low, 1e-9, "low");
    expectClose(result.high, c.expected.high, 1e-9, "high");
    expectClose(result.degreesOfFreedom, c.expected.df, 1e-9, "df");
    expectRelativelyClose(result.p, c.expected.p, 1e-6, "p");
    expect(result.status).toBe(c.expected.status);
  });

  it("names the sample that is too small", () => {
    const some = summarise([10, 20, 30]);
    const error = catchSymError(
      () => gapChange({ employeesFrom: some, customersFrom: some, employeesTo: summarise([40]), customersTo: some }),
      "too-few-values",
    );
    expect(error.message).toContain("1 wave-2 employee score");
  });
});

describe("eNPS / NPS change (adjusted-Wald z test)", () => {
  it.each(reference.npsChanges.map((c) => [JSON.stringify(c.first), c] as const))("from %s", (_, c) => {
    const result = npsChange(counts(c.first), counts(c.second));
    expectClose(result.change, c.expected.change, 1e-12, "change");
    expectClose(result.z, c.expected.z, 1e-10, "z");
    expectRelativelyClose(result.p, c.expected.p, 1e-8, "p");
  });
});

function wavePopulation(rows: readonly Row[], dimensions: readonly string[], unitOf?: (row: Row, index: number) => string): WavePopulation {
  const recommendation = counts([0, 0, 0]);
  for (const row of rows) {
    if (row.recommendation >= 9) recommendation.promoters += 1;
    else if (row.recommendation >= 7) recommendation.passives += 1;
    else recommendation.detractors += 1;
  }
  const units: WavePopulation["units"] = unitOf
    ? Object.fromEntries(
        [...new Set(rows.map(unitOf))].map((unit) => {
          const members = rows.filter((row, index) => unitOf(row, index) === unit);
          return [unit, { ...wavePopulation(members, dimensions), units: undefined }];
        }),
      )
    : undefined;
  return {
    n: rows.length,
    recommendation,
    dimensions: Object.fromEntries(dimensions.map((id) => [id, summarise(rows.map((row) => row[id]))])),
    ...(units
      ? {
          units: Object.fromEntries(
            Object.entries(units).map(([unit, group]) => [
              unit,
              { n: group.n, recommendation: group.recommendation, dimensions: { ...group.dimensions } },
            ]),
          ),
        }
      : {}),
  };
}

const fixtureDimensions = reference.trend.expected.waves[0].dimensions.map((dimension) => dimension.id);

function fixtureWaves(): WaveInput[] {
  const { rows } = reference.trend;
  return ["2025", "2026"].map((wave) => ({
    wave,
    employees: wavePopulation(
      rows.employees.filter((row) => row.wave === wave),
      fixtureDimensions,
    ),
    customers: wavePopulation(
      rows.customers.filter((row) => row.wave === wave),
      fixtureDimensions,
    ),
  }));
}

describe("computeTrend on two waves of respondents (pandas + scipy)", () => {
  const expected = reference.trend.expected;
  const trend = computeTrend(fixtureWaves(), { model: DEFAULT_MODEL });

  it("computes each wave's scores, gaps, statuses, index and headline", () => {
    expect(trend.waves.map((wave) => wave.wave)).toEqual(["2025", "2026"]);
    trend.waves.forEach((wave, index) => {
      const reference = expected.waves[index];
      expect(wave.employees.n).toBe(reference.employees);
      expect(wave.customers.n).toBe(reference.customers);
      expectClose(wave.symmetryIndex, reference.symmetryIndex, 1e-10, `${wave.wave} index`);
      for (const dimension of reference.dimensions) {
        const actual = wave.dimensions.find((entry) => entry.id === dimension.id)!;
        expectClose(actual.employee.score, dimension.employee, 1e-10, `${dimension.id} employee`);
        expectClose(actual.customer.score, dimension.customer, 1e-10, `${dimension.id} customer`);
        expectClose(actual.gap, dimension.gap, 1e-10, `${dimension.id} gap`);
        expectRelativelyClose(actual.p!, dimension.p, 1e-6, `${dimension.id} p`);
        expect(actual.status).toBe(dimension.status);
      }
      const alerts = reference.dimensions.filter((dimension) => dimension.status === "alert");
      expect(wave.alerts).toBe(alerts.length);
      const largest = [...reference.dimensions].sort((a, b) => Math.abs(b.gap) - Math.abs(a.gap))[0];
      expect(wave.largestGap?.id).toBe(largest.id);
    });
  });

  it("computes each gap's change, status and closure, and each side's change", () => {
    expect(trend.changes).toHaveLength(1);
    const change = trend.changes[0];
    expect([change.from, change.to]).toEqual(["2025", "2026"]);
    for (const dimension of expected.dimensions) {
      const actual = change.dimensions.find((entry) => entry.id === dimension.id)!;
      expectClose(actual.gapChange, dimension.gapChange, 1e-10, `${dimension.id} ΔG`);
      expectClose(actual.low, dimension.low, 1e-9, `${dimension.id} low`);
      expectClose(actual.high, dimension.high, 1e-9, `${dimension.id} high`);
      expectClose(actual.df, dimension.df, 1e-9, `${dimension.id} df`);
      expectRelativelyClose(actual.p!, dimension.p, 1e-6, `${dimension.id} p`);
      expect(actual.status).toBe(dimension.status);
      expect(actual.closed).toBe(dimension.closed);
      expectClose(actual.employeeChange?.change, dimension.employeeChange.change, 1e-10, "employee change");
      expectRelativelyClose(actual.employeeChange!.p, dimension.employeeChange.p, 1e-6, "employee change p");
      expectClose(actual.customerChange?.low, dimension.customerChange.low, 1e-9, "customer change low");
    }
    // The fixture was built with one alert that closes and one gap that widens.
    expect(change.dimensions.filter((entry) => entry.closed).map((entry) => entry.id)).toEqual(["culture"]);
    expect(change.dimensions.find((entry) => entry.id === "recognition")?.status).toBe("widened");
    expectClose(change.enps?.change, expected.enpsChange.change, 1e-12, "eNPS change");
    expectClose(change.enps?.z, expected.enpsChange.z, 1e-10, "eNPS z");
    expectClose(change.nps?.change, expected.npsChange.change, 1e-12, "NPS change");
  });

  it("compares the pairs asked for, and names the waves found for an unknown one", () => {
    const waves = fixtureWaves();
    const reversed = computeTrend(waves, { model: DEFAULT_MODEL, pairs: [{ from: "2026", to: "2025" }] });
    expect(reversed.changes[0].dimensions[0].gapChange).toBeCloseTo(-trend.changes[0].dimensions[0].gapChange!, 10);
    const error = catchSymError(
      () => computeTrend(waves, { model: DEFAULT_MODEL, pairs: [{ from: "2024", to: "2026" }] }),
      "invalid-argument",
    );
    expect(error.message).toBe('the wave "2024" is not in the data; waves found: "2025", "2026"');
  });
});

describe("computeTrend: bad inputs and confidentiality", () => {
  it("refuses a single wave with a message, not an empty table", () => {
    const [first] = fixtureWaves();
    const error = catchSymError(() => computeTrend([first], { model: DEFAULT_MODEL }), "too-few-values");
    expect(error.message).toBe('a trend needs at least two waves, got one ("2025"): the barometer of a single wave is sym barometer');
  });

  it("shows the employee side of a wave without customers and marks its gaps not computable", () => {
    const [first, second] = fixtureWaves();
    const empty: WavePopulation = { n: 0, recommendation: counts([0, 0, 0]), dimensions: {} };
    const trend = computeTrend([first, { ...second, customers: empty }], { model: DEFAULT_MODEL });
    const wave = trend.waves[1];
    expect(wave.customers.nps).toBeNull();
    expect(wave.symmetryIndex).toBeNull();
    for (const dimension of wave.dimensions) {
      expect(dimension.employee.score).not.toBeNull();
      expect(dimension.gap).toBeNull();
      expect(dimension.status).toBe("not-computable");
    }
    expect(
      trend.changes[0].dimensions.every((dimension) => dimension.status === "not-computable" && dimension.employeeChange !== null),
    ).toBe(true);
    expect(trend.changes[0].nps).toBeNull();
  });

  it("hides a wave under the threshold and, since the pooled barometer shows the total, the other wave too", () => {
    const [first, second] = fixtureWaves();
    const few = reference.trend.rows.customers.filter((row) => row.wave === "2026").slice(0, 3);
    const trend = computeTrend([first, { ...second, customers: wavePopulation(few, fixtureDimensions) }], { model: DEFAULT_MODEL });
    for (const wave of trend.waves) {
      expect(wave.customers.n).toBeNull();
      expect(wave.customers.nps).toBeNull();
      for (const dimension of wave.dimensions) {
        expect(dimension.customer).toEqual({ score: null, n: null });
        expect(dimension.status).toBe("suppressed");
      }
      expect(wave.employees.n).not.toBeNull();
    }
  });

  it("hides eNPS by unit and wave along both units and waves", () => {
    const [first, second] = fixtureWaves();
    const unitOf = (sizes: number[]) => (_: Row, index: number) => {
      let total = 0;
      for (let unit = 0; unit < sizes.length; unit++) if (index < (total += sizes[unit])) return `U${unit + 1}`;
      return "U1";
    };
    const employees2025 = reference.trend.rows.employees.filter((row) => row.wave === "2025");
    const employees2026 = reference.trend.rows.employees.filter((row) => row.wave === "2026");
    // U3 has 3 people in 2026: hidden, with cover within the wave and across U3's waves.
    const trend = computeTrend(
      [
        { ...first, employees: wavePopulation(employees2025, fixtureDimensions, unitOf([40, 20, 30])) },
        { ...second, employees: wavePopulation(employees2026, fixtureDimensions, unitOf([60, 37, 3])) },
      ],
      { model: DEFAULT_MODEL },
    );
    const hidden = trend.waves.map((wave) => wave.units.filter((unit) => unit.suppressed).map((unit) => unit.unit));
    expect(hidden[1]).toContain("U3");
    // No hidden figure stands alone in its wave (wave total − visible units) nor in its unit
    // (pooled unit − its visible waves).
    for (const names of hidden) expect(names.length === 0 || names.length >= 2).toBe(true);
    for (const unit of ["U1", "U2", "U3"]) {
      const hiddenWaves = hidden.filter((names) => names.includes(unit)).length;
      expect(hiddenWaves === 0 || hiddenWaves === 2).toBe(true);
    }
    for (const unit of trend.waves.flatMap((wave) => wave.units)) if (unit.suppressed) expect([unit.n, unit.enps]).toEqual([null, null]);
  });
});

describe("orderSurveyWaves", () => {
  it("orders ISO dates by calendar, labels by first appearance, and follows an explicit order", () => {
    expect(orderSurveyWaves(["2026-03", "2025-11", "2026-03", "2025-02"])).toEqual(["2025-02", "2025-11", "2026-03"]);
    expect(orderSurveyWaves(["2026", "2025"])).toEqual(["2025", "2026"]);
    expect(orderSurveyWaves(["spring", "autumn", "spring"])).toEqual(["spring", "autumn"]);
    expect(orderSurveyWaves(["spring", "autumn"], ["autumn", "spring"])).toEqual(["autumn", "spring"]);
  });

  it("asks for an order when dates and labels are mixed", () => {
    const error = catchSymError(() => orderSurveyWaves(["2025", "pilot"]), "invalid-argument");
    expect(error.message).toBe('the waves mix dates ("2025") and labels ("pilot"): give their order, e.g. --waves 2025,pilot');
  });

  it("names the waves found for an unknown wave, and refuses a wave named twice", () => {
    expect(catchSymError(() => orderSurveyWaves(["2025", "2026"], ["2024"]), "invalid-argument").message).toBe(
      'the wave "2024" is not in the data; waves found: "2025", "2026"',
    );
    catchSymError(() => orderSurveyWaves(["2025", "2026"], ["2025", "2025"]), "invalid-argument");
  });

  it("takes an impossible date for a label", () => {
    expect(() => orderSurveyWaves(["2025-13", "2025-02"])).toThrow(/mix dates/);
  });
});
