/**
 * The heat map and the support-versus-front-office block on the English samples, against
 * shared/test/heatmap/reference/heatmap.json (pandas groupby means, scipy Welch; written by
 * make_heatmap_reference.py beside it). Means agree to 1e-9 relative (shifted sums against pandas'
 * pairwise sums); Welch p to 1e-6 relative (the t distribution's tail, jStat against scipy).
 * Then the rules in plain words: hidden groups, typos, a single group, too many groups.
 */
import { readFileSync } from "fs";
import { join } from "path";
import {
  ColumnarPopulationAccumulator,
  DEFAULT_MODEL,
  computeHeatmap,
  readAnswer,
  supportVersusFront,
  type CellTable,
  type HeatmapGrouping,
} from "@symmetry/engine";
import { catchSymError, expectClose, expectRelativelyClose } from "../support/reference";
import { cellTableOf, type Respondent } from "./organisation";

interface ReferenceGroup {
  group: string;
  n: number;
  employee: Record<string, number | null>;
  employeeN: Record<string, number>;
  customer: Record<string, number | null>;
  customerN: Record<string, number>;
}
interface Reference {
  groupings: Record<"unit" | "manager" | "type", ReferenceGroup[]>;
  support: {
    id: string;
    front: { score: number; n: number };
    support: { score: number; n: number };
    difference: number;
    low: number;
    high: number;
    p: number;
  }[];
}

const reference = JSON.parse(readFileSync(join(__dirname, "reference", "heatmap.json"), "utf8")) as Reference;
const SAMPLES = join(__dirname, "..", "..", "..", "samples", "en");
const DIMENSIONS = DEFAULT_MODEL.dimensions.map((dimension) => dimension.id);

/** The samples have no quoted fields: a plain split reads them. */
function readSample(name: string, population: "employees" | "customers"): CellTable {
  const [header, ...lines] = readFileSync(join(SAMPLES, name), "utf8").trim().split(/\r?\n/);
  const headers = header.split(",");
  const items = headers.flatMap((text, column) => {
    const dimension = text.split("_")[0];
    return DIMENSIONS.includes(dimension) ? [{ column, dimension, reversed: text.endsWith("~r") }] : [];
  });
  const recommendation = headers.indexOf(population === "employees" ? "enps" : "nps");
  const accumulator = new ColumnarPopulationAccumulator({
    population,
    scale: { min: 1, max: 5 },
    items,
    recommendationColumn: recommendation,
  });
  const unit = headers.indexOf("unit");
  const manager = headers.indexOf("manager");
  for (const line of lines) {
    const cells = line.split(",");
    const values = cells.map((cell, column) =>
      items.some((item) => item.column === column) || column === recommendation ? readAnswer(cell) : Number.NaN,
    );
    accumulator.addRow(values, cells[unit], manager >= 0 ? cells[manager] : undefined);
  }
  return accumulator.cellTable();
}

const employees = readSample("employees.csv", "employees");
const customers = readSample("customers.csv", "customers");
const types = new Map(
  readFileSync(join(SAMPLES, "units.csv"), "utf8")
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(",").slice(0, 2) as [string, string]),
);
const BY_UNIT: HeatmapGrouping = { by: "unit", key: "unit" };
const BY_MANAGER: HeatmapGrouping = { by: "manager", key: "manager" };
const BY_TYPE: HeatmapGrouping = { by: "type", key: "unit", relabel: types };

describe("computeHeatmap on the samples against pandas", () => {
  const output = computeHeatmap(employees, customers, [BY_UNIT, BY_MANAGER, BY_TYPE], { minGroupSize: 5, dimensions: DIMENSIONS });

  it.each(["unit", "manager", "type"] as const)("gives pandas' group means, n and customer means by %s, hiding what it must", (by) => {
    const entry = output.heatmap.find((candidate) => candidate.by === by)!;
    const expected = reference.groupings[by];
    expect(entry.groups.map((group) => group.group).sort()).toEqual(expected.map((group) => group.group).sort());
    let shown = 0;
    for (const group of entry.groups) {
      const want = expected.find((candidate) => candidate.group === group.group)!;
      if (want.n < 5) expect(group).toMatchObject({ n: null, suppressed: true });
      if (group.suppressed) continue;
      shown += 1;
      expect(group.n).toBe(want.n);
      for (const cell of group.dimensions) {
        expectClose(cell.employee, want.employee[cell.id]!, 1e-9, `${by} ${group.group} ${cell.id} employee`);
        const customerN = want.customerN[cell.id] ?? 0;
        if (customerN >= 5) {
          expectClose(cell.customer, want.customer[cell.id]!, 1e-9, `${by} ${group.group} ${cell.id} customer`);
          expectClose(cell.gap, want.employee[cell.id]! - want.customer[cell.id]!, 1e-9, `${by} ${group.group} ${cell.id} gap`);
        } else {
          expect(cell.customer).toBeNull();
          expect(cell.gap).toBeNull();
        }
      }
    }
    expect(shown).toBeGreaterThan(1);
  });

  it("hides the two small units (Annecy 4, Quality 2 … and their covers) with no count", () => {
    const units = output.heatmap.find((entry) => entry.by === "unit")!;
    const hidden = units.groups.filter((group) => group.suppressed);
    expect(hidden.map((group) => group.group)).toEqual(expect.arrayContaining(["Annecy Courier", "Quality"]));
    for (const group of hidden) expect(group).toMatchObject({ n: null, enps: null });
  });

  it("compares support with front office as scipy's Welch test does", () => {
    const block = supportVersusFront(employees, BY_TYPE, {
      minGroupSize: 5,
      dimensions: DIMENSIONS,
      gapThreshold: 10,
      alpha: 0.05,
      alsoPublished: [BY_UNIT, BY_MANAGER],
    })!;
    expect(block.dimensions.map((row) => row.id)).toEqual(reference.support.map((row) => row.id));
    block.dimensions.forEach((row, index) => {
      const want = reference.support[index];
      expectClose(row.front.score, want.front.score, 1e-9, `${row.id} front`);
      expectClose(row.support.score, want.support.score, 1e-9, `${row.id} support`);
      expect([row.front.n, row.support.n]).toEqual([want.front.n, want.support.n]);
      expectClose(row.difference, want.difference, 1e-9, `${row.id} difference`);
      expectClose(row.low, want.low, 1e-7, `${row.id} low`);
      expectClose(row.high, want.high, 1e-7, `${row.id} high`);
      expectRelativelyClose(row.p!, want.p, 1e-6, `${row.id} p`);
      expect(row.status).toBe(Math.abs(want.difference) >= 10 ? (want.p < 0.05 ? "alert" : "watch") : "ok");
    });
    // The samples' support staff feel less recognised (as the article on recognising support staff warns): an alert on recognition.
    expect(block.dimensions.find((row) => row.id === "recognition")).toMatchObject({ status: "alert" });
    expect(block.dimensions.find((row) => row.id === "recognition")!.difference!).toBeLessThan(-10);
  });

  it("has no support block when units carry a single type", () => {
    const allFront = new Map([...types.keys()].map((unit) => [unit, "front-office"]));
    expect(
      supportVersusFront(
        employees,
        { by: "type", key: "unit", relabel: allFront },
        { minGroupSize: 5, dimensions: DIMENSIONS, gapThreshold: 10, alpha: 0.05 },
      ),
    ).toBeUndefined();
  });
});

describe("computeHeatmap on bad groupings", () => {
  const person = (unit: string, answers: [number, number, number] = [3, 4, 8]): Respondent => ({
    unit,
    manager: "",
    wave: "",
    tenure: "",
    answers,
  });

  it("reports groups equal but for case or spaces as a possible typo, with both spellings", () => {
    const rows = [...Array(6).fill(person("Lyon Nord")), ...Array(6).fill(person("lyon  nord")), ...Array(6).fill(person("Paris"))];
    const output = computeHeatmap(cellTableOf(rows), undefined, [BY_UNIT], { minGroupSize: 5, dimensions: ["culture"] });
    expect(output.notes).toEqual([{ by: "unit", kind: "possible-typo", spellings: ["lyon  nord", "Lyon Nord"] }]);
  });

  it("says so when every respondent shares the value", () => {
    const output = computeHeatmap(cellTableOf(Array(9).fill(person("Paris"))), undefined, [BY_UNIT], {
      minGroupSize: 5,
      dimensions: ["culture"],
    });
    expect(output.notes).toEqual([{ by: "unit", kind: "single-group", group: "Paris" }]);
  });

  it("refuses more than 2,000 distinct values, with the count", () => {
    const rows = Array.from({ length: 2001 }, (_, index) => person(`P${index}`));
    const error = catchSymError(
      () => computeHeatmap(cellTableOf(rows), undefined, [BY_UNIT], { minGroupSize: 5, dimensions: ["culture"] }),
      "invalid-argument",
    );
    expect(error.message).toContain("2001 distinct values");
  });

  it("refuses a grouping the employees lack and a threshold below 1", () => {
    catchSymError(
      () => computeHeatmap(employees, undefined, [{ by: "region", key: "region" }], { minGroupSize: 5, dimensions: DIMENSIONS }),
      "invalid-argument",
    );
    catchSymError(() => computeHeatmap(employees, undefined, [BY_UNIT], { minGroupSize: 0, dimensions: DIMENSIONS }), "invalid-argument");
  });
});
