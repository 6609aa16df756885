/**
 * computeBarometer end to end on the small synthetic data set of
 * shared/test/reference/barometer.json. shared/test/reference/make_reference.py drew the rows
 * (answers on 1–5 with NA / N/A / NSP / blank / decimal-comma spellings, one reversed item per
 * population, one dimension mapped for employees only, a support unit under the threshold) and
 * computed every expected number from them with pandas and scipy: scores as pandas means of
 * normalised items, the gap test with scipy.stats.ttest_ind(equal_var=False) and
 * scipy.stats.t.ppf, Hedges' g and the adjusted-Wald intervals with numpy, α listwise with pandas,
 * and the unit suppression with its own implementation of the rule (docs/domain.md#complementary-suppression).
 */
import { DEFAULT_MODEL, computeBarometer, BarometerResultSchema } from "@symmetry/engine";
import { expectClose, expectRelativelyClose } from "../support/reference";
import { aggregate, fixture, fixtureAggregates, type Interval } from "../support/barometerFixture";

function expectInterval(actual: Interval | null, expected: Interval): void {
  expect(actual).not.toBeNull();
  expectClose(actual!.value, expected.value, 1e-12);
  expectClose(actual!.low, expected.low, 1e-9);
  expectClose(actual!.high, expected.high, 1e-9);
  expect(actual!.n).toBe(expected.n);
}

describe("computeBarometer against pandas and scipy on a synthetic data set", () => {
  const { employees, customers } = fixtureAggregates();
  const barometer = computeBarometer(employees, customers, { model: DEFAULT_MODEL, thresholds: { minGroupSize: fixture.minGroupSize } });
  const expected = fixture.expected;

  it("fits the result schema other parts rely on", () => {
    expect(BarometerResultSchema.safeParse(barometer).success).toBe(true);
  });

  it("counts respondents and gives eNPS and NPS with adjusted-Wald intervals", () => {
    expect(barometer.employees.n).toBe(expected.employees.n);
    expect(barometer.customers.n).toBe(expected.customers.n);
    expectInterval(barometer.employees.enps, expected.employees.enps);
    expectInterval(barometer.customers.nps, expected.customers.nps);
  });

  it("lists the paired dimensions in model order and the unpaired one apart", () => {
    expect(barometer.dimensions.map((d) => d.id)).toEqual(expected.dimensions.map((d) => d.id));
    expect(barometer.unpairedDimensions).toEqual(expected.unpairedDimensions);
  });

  it.each(expected.dimensions.map((d) => [d.id, d] as const))("matches every number of %s", (id, reference) => {
    const dimension = barometer.dimensions.find((d) => d.id === id)!;
    for (const side of ["employee", "customer"] as const) {
      expectClose(dimension[side].score!, reference[side].score, 1e-12);
      expect(dimension[side].n).toBe(reference[side].n);
      if (reference[side].alpha === null) expect(dimension[side].alpha ?? null).toBeNull();
      else expectClose(dimension[side].alpha!, reference[side].alpha!, 1e-9);
    }
    expectClose(dimension.gap!, reference.gap, 1e-12);
    // 1e-8: @stdlib's t quantile agrees with scipy.stats.t.ppf to about 4e-10 relative.
    expectClose(dimension.low!, reference.low, 1e-8);
    expectClose(dimension.high!, reference.high, 1e-8);
    expectRelativelyClose(dimension.p!, reference.p, 1e-9);
    expectClose(dimension.hedgesG!, reference.hedgesG, 1e-9);
    expect(dimension.status).toBe(reference.status);
    expect(dimension.label).toBe(DEFAULT_MODEL.dimensions.find((d) => d.id === id)!.label.en);
  });

  it("covers alert, watch and ok", () => {
    expect(new Set(barometer.dimensions.map((d) => d.status))).toEqual(new Set(["alert", "watch", "ok"]));
  });

  it("gives the symmetry index of the reference", () => {
    expectClose(barometer.symmetryIndex!, expected.symmetryIndex, 1e-12);
  });

  it("gives unit and manager eNPS with the reference's suppression", () => {
    for (const [actual, reference] of [
      [barometer.units, expected.units],
      [barometer.managers, expected.managers],
    ] as const) {
      // the same groups, in the same order: a group missing or added would otherwise go unseen
      expect(actual.map((group) => group.unit)).toEqual(reference.map((group) => group.unit));
      actual.forEach((group, index) => {
        expect(group.unit).toBe(reference[index].unit);
        expect(group.suppressed).toBe(reference[index].suppressed);
        // A hidden group's count is a figure too: "fewer than N", null in data.
        expect(group.n).toBe(reference[index].suppressed ? null : reference[index].n);
        if (reference[index].enps === null) expect(group.enps).toBeNull();
        else expectClose(group.enps!, reference[index].enps!, 1e-12);
      });
    }
    expect(barometer.units.some((u) => u.suppressed)).toBe(true);
    expect(barometer.managers.length).toBeGreaterThan(0);
  });

  it("labels dimensions in French when asked", () => {
    const french = computeBarometer(employees, customers, { model: DEFAULT_MODEL, language: "fr" });
    expect(french.dimensions[0].label).toBe("Reconnaissance et valorisation");
  });
});

describe("computeBarometer confidentiality and options", () => {
  const { employees, customers } = fixtureAggregates();

  it("keeps the model's thresholds for options left undefined", () => {
    const barometer = computeBarometer(employees, customers, {
      model: DEFAULT_MODEL,
      thresholds: { minGroupSize: undefined, gapThreshold: undefined, alpha: undefined },
    });
    expect(barometer.minGroupSize).toBe(DEFAULT_MODEL.thresholds.minGroupSize);
  });

  it("hides a dimension score about fewer people than the threshold, and its gap", () => {
    const development = fixture.expected.dimensions.find((d) => d.id === "development")!;
    const barometer = computeBarometer(employees, customers, {
      model: DEFAULT_MODEL,
      thresholds: { minGroupSize: development.employee.n + 1 },
    });
    const hidden = barometer.dimensions.find((d) => d.id === "development")!;
    expect(hidden.employee.score).toBeNull();
    expect(hidden.employee.alpha ?? null).toBeNull();
    expect(hidden.gap).toBeNull();
    expect(hidden.p).toBeNull();
    expect(hidden.status).toBe("suppressed");
  });

  it("hides eNPS when the whole population is under the threshold", () => {
    const barometer = computeBarometer(employees, customers, { model: DEFAULT_MODEL, thresholds: { minGroupSize: 100 } });
    expect(barometer.employees.enps).toBeNull();
    expect(barometer.customers.nps).toBeNull();
    expect(barometer.units.every((u) => u.suppressed && u.enps === null)).toBe(true);
    expect(barometer.dimensions.every((d) => d.status === "suppressed" && d.gap === null)).toBe(true);
    expect(barometer.symmetryIndex).toBeNull();
  });

  it("rates a large gap between constant groups as watch, with no p", () => {
    const constant = (population: "employees" | "customers", answer: number) =>
      aggregate(
        population,
        [{ dimension: "ethics", reversed: false }],
        Array.from({ length: 6 }, () => [answer]),
        Array.from({ length: 6 }, () => 9),
      );
    const barometer = computeBarometer(constant("employees", 5), constant("customers", 2), { model: DEFAULT_MODEL });
    const ethics = barometer.dimensions[0];
    expect(ethics.gap).toBe(75);
    expect(ethics.p).toBeNull();
    expect(ethics.status).toBe("watch");
  });

  it.each([95, 0, 1])("returns invalid-argument for a confidence of %p, even without recommendation answers", (confidence) => {
    const noRecommendation = { ...employees, recommendation: { promoters: 0, passives: 0, detractors: 0 } };
    expect(() =>
      computeBarometer(
        noRecommendation,
        { ...customers, recommendation: noRecommendation.recommendation },
        { model: DEFAULT_MODEL, confidence },
      ),
    ).toThrow(new RegExp(`got ${confidence}`));
  });

  it("gives 90 % intervals narrower than 95 % ones when asked", () => {
    const at95 = computeBarometer(employees, customers, { model: DEFAULT_MODEL });
    const at90 = computeBarometer(employees, customers, { model: DEFAULT_MODEL, confidence: 0.9 });
    expect(at90.dimensions[0].high! - at90.dimensions[0].low!).toBeLessThan(at95.dimensions[0].high! - at95.dimensions[0].low!);
    expect(at90.employees.enps!.high - at90.employees.enps!.low).toBeLessThan(at95.employees.enps!.high - at95.employees.enps!.low);
  });

  it("returns invalid-argument for a threshold that is not a whole number of 1 or more", () => {
    expect(() => computeBarometer(employees, customers, { model: DEFAULT_MODEL, thresholds: { minGroupSize: 0 } })).toThrow(/got 0/);
  });
});
