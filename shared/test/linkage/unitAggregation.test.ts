/**
 * Unit metrics from respondent rows: PopulationAccumulator → unitRowsFromAggregates against an
 * independent pandas groupby (shared/test/linkage/reference/make_reference.py, `aggregation`):
 * per (wave, unit) mean of respondent dimension scores, eNPS / NPS as 100 × mean of +1/0/−1,
 * symmetry = 100 − weighted mean |gap| (culture weight 2, recognition 1), turnover from the
 * Units sheet (a wave-specific row first, else the unit's row).
 */
import {
  DEFAULT_MODEL,
  PopulationAccumulator,
  runLinkage,
  unitRowsFromAggregates,
  type Model,
  type PopulationLayout,
} from "@symmetry/engine";
import { expectClose, loadLinkageReference } from "./support";

const fixture = loadLinkageReference().aggregation;

function layout(population: "employees" | "customers", max: number): PopulationLayout {
  return {
    population,
    scale: { min: 1, max },
    items: [
      { column: 0, dimension: "culture", reversed: false },
      { column: 1, dimension: "culture", reversed: true },
      { column: 2, dimension: "recognition", reversed: false },
      { column: 3, dimension: "recognition", reversed: false },
    ],
    recommendationColumn: 4,
  };
}

function accumulate(rows: { unit: string; wave: string; values: (number | null)[] }[], population: "employees" | "customers", max: number) {
  const accumulator = new PopulationAccumulator(layout(population, max));
  for (const row of rows)
    accumulator.addRow(
      row.values.map((value) => (value === null ? Number.NaN : value)),
      row.unit,
      undefined,
      row.wave,
    );
  return accumulator.result();
}

const model: Model = {
  ...DEFAULT_MODEL,
  dimensions: DEFAULT_MODEL.dimensions.map((dimension) => (dimension.id === "culture" ? { ...dimension, weight: 2 } : dimension)),
};

describe("unitRowsFromAggregates against a pandas groupby of the respondent rows", () => {
  const rows = unitRowsFromAggregates(
    accumulate(fixture.employees, "employees", 5),
    accumulate(fixture.customers, "customers", 7),
    model,
    fixture.attributes,
  );

  it("gives one row per (wave, unit) with employee respondents", () => {
    expect(rows.map((row) => `${row.wave}|${row.unit}`).sort()).toEqual(fixture.expected.map((row) => `${row.wave}|${row.unit}`).sort());
  });

  it.each(fixture.expected.map((row) => [`${row.wave} ${row.unit}`, row] as const))("matches the metrics of %s", (_name, expected) => {
    const row = rows.find((candidate) => candidate.unit === expected.unit && candidate.wave === expected.wave)!;
    expect(row.employeesN).toBe(expected.employeesN);
    for (const [name, value] of Object.entries(expected.metrics)) {
      if (value === null) expect(row.metrics[name]).toBeNull();
      else expectClose(row.metrics[name], value, 1e-12, name);
    }
    for (const key of ["headcount", "leavers", "salary"] as const) expect(row[key]).toBe(expected[key]);
  });

  it("feeds a linkage request directly (east has no customers: its NPS is missing)", () => {
    const result = runLinkage({ units: rows, x: ["enps", "culture"], y: ["customer_culture"], bootstrap: 0, minN: 5 });
    expect(result.correlations.every((row) => row.n === rows.filter((unit) => unit.metrics.customer_culture !== undefined).length)).toBe(
      true,
    );
  });
});
