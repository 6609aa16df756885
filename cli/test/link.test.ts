/**
 * `sym link` end to end (in-process, the same `main` as the binary). Expected values come from
 * scipy: fixtures/link/make_link_reference.py writes units.csv and link-reference.json
 * (scipy.stats.pearsonr, spearmanr, linregress; Benjamini–Hochberg in numpy).
 */
import * as path from "node:path";
import { DEFAULT_MODEL, runLinkage, unitRowsFromAggregates } from "@symmetry/engine";
import { readBothPopulations } from "../src/population/readBoth";
import { readUnitsFile } from "../src/units/readUnits";
import { EN_CUSTOMERS, EN_EMPLOYEES, SAMPLES, runCli, scratchDirectory } from "./support/cli";

const UNITS = path.join(__dirname, "fixtures", "link", "units.csv");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const reference = require("./fixtures/link/link-reference.json") as {
  units: number;
  excluded: number;
  correlations: { x: string; y: string; method: string; r: number; p: number; q: number; n: number }[];
  turnover: { slope: number; p: number };
};

async function linkJson(args: string[]) {
  const run = await runCli(["link", ...args, "--json"]);
  if (run.code !== 0) throw new Error(`sym link exited ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

describe("sym link --units", () => {
  it("gives scipy's Pearson and Spearman r and p, BH q, and the turnover slope, leaving out units under 5 employees", async () => {
    const result = await linkJson([
      "--units",
      UNITS,
      "--x",
      "enps,symmetry,recognition",
      "--y",
      "nps,turnover",
      "--method",
      "both",
      "--bootstrap",
      "200",
      "--seed",
      "7",
      "--turnover",
    ]);
    expect(result.units).toBe(reference.units);
    expect(result.excluded).toBe(reference.excluded);
    expect(result.correlations).toHaveLength(reference.correlations.length);
    for (const expected of reference.correlations) {
      const found = result.correlations.find(
        (row: { x: string; y: string; method: string }) => row.x === expected.x && row.y === expected.y && row.method === expected.method,
      );
      expect(found).toBeDefined();
      expect(found.r).toBeCloseTo(expected.r, 10);
      expect(found.p).toBeCloseTo(expected.p, 8);
      expect(found.q).toBeCloseTo(expected.q, 8);
      expect(found.n).toBe(expected.n);
      // Fisher-z interval around r, bootstrap interval present
      expect(found.low).toBeLessThan(found.r);
      expect(found.high).toBeGreaterThan(found.r);
      expect(typeof found.bootLow).toBe("number");
    }
    // Relative: an absolute 5e-7 would pass any p under 5e-7.
    expect(Math.abs(result.turnover.slope - reference.turnover.slope)).toBeLessThanOrEqual(1e-9 * Math.abs(reference.turnover.slope));
    expect(Math.abs(result.turnover.p - reference.turnover.p)).toBeLessThanOrEqual(1e-9 * Math.abs(reference.turnover.p));
    expect(result.turnover.valuePerPoint).toBeGreaterThan(0);
    expect(result.quartiles.length).toBe(6);
  });

  it("gives the same numbers for the same seed and different bootstrap bounds for another seed", async () => {
    const args = ["--units", UNITS, "--x", "enps", "--y", "nps", "--bootstrap", "300"];
    const first = await linkJson([...args, "--seed", "3"]);
    const again = await linkJson([...args, "--seed", "3"]);
    const other = await linkJson([...args, "--seed", "4"]);
    expect(again).toEqual(first);
    expect(other.correlations[0].r).toBe(first.correlations[0].r);
    expect(other.correlations[0].bootLow).not.toBe(first.correlations[0].bootLow);
  });

  it("prints a readable table with CIs, q marks, the turnover money at 21 %, 50 %, 150 % and the user's ratio", async () => {
    const run = await runCli([
      "link",
      "--units",
      UNITS,
      "--x",
      "enps,recognition",
      "--y",
      "turnover",
      "--turnover",
      "--cost-ratio",
      "0.3",
      "--delta",
      "5",
      "--bootstrap",
      "100",
    ]);
    expect(run.code).toBe(0);
    const turnoverRow = reference.correlations.find((row) => row.x === "enps" && row.y === "turnover" && row.method === "pearson")!;
    expect(run.stdout).toContain(`${turnoverRow.r > 0 ? "+" : ""}${turnoverRow.r.toFixed(3)}`);
    for (const text of [
      "Correlations",
      "95% CI",
      "Top versus bottom quartile",
      "21% (cap-median)",
      "50% (half)",
      "150% (one-and-a-half)",
      "30% (yours)",
      "value of +5 points",
    ])
      expect(run.stdout).toContain(text);
  });

  it("gives key drivers whose shares of R² sum to 1 and refuses them under the minimum of units", async () => {
    const result = await linkJson(["--units", UNITS, "--x", "symmetry,recognition", "--y", "nps", "--drivers", "--bootstrap", "50"]);
    expect(result.drivers.map((row: { id: string }) => row.id)).toEqual(["symmetry", "recognition"]);
    expect(result.drivers[0].share + result.drivers[1].share).toBeCloseTo(1, 12);
    const run = await runCli([
      "link",
      "--units",
      UNITS,
      "--x",
      "symmetry,recognition",
      "--y",
      "nps",
      "--drivers",
      "--min-driver-units",
      "30",
      "--bootstrap",
      "0",
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`key drivers require at least 30 units with every metric for "nps", got ${reference.units}`);
  });
});

describe("sym link: bad inputs", () => {
  const scratch = scratchDirectory();
  afterAll(() => scratch.remove());

  it("names an unknown metric and lists the available ones", async () => {
    const run = await runCli(["link", "--units", UNITS, "--x", "engagement", "--y", "nps"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('metric "engagement" is not a column of');
    expect(run.stderr).toContain("available: headcount".replace("headcount", "enps"));
    expect(run.stderr).toMatch(/available: .*symmetry.*recognition.*nps.*turnover/);
  });

  it("refuses too few units, a constant column and a non-numeric cell with its file, row, column and value", async () => {
    const few = scratch.write("few.csv", "unit,employees_n,enps,nps\nA,9,10,5\nB,9,20,7\nC,3,30,9\n");
    const tooFew = await runCli(["link", "--units", few, "--x", "enps", "--y", "nps"]);
    expect(tooFew.code).toBe(1);
    expect(tooFew.stderr).toMatch(/requires at least 4 units with both metrics, got 2; 1 unit is under the confidentiality threshold/);

    const constant = scratch.write("constant.csv", "unit,employees_n,enps,nps\nA,9,10,5\nB,9,20,5\nC,9,30,5\nD,9,40,5\nE,9,50,5\n");
    const flat = await runCli(["link", "--units", constant, "--x", "enps", "--y", "nps"]);
    expect(flat.code).toBe(1);
    expect(flat.stderr).toContain('"nps" is 5 in all 5 units');

    const text = scratch.write("text.csv", "unit,employees_n,enps,nps\nA,9,10,5\nB,9,twenty,6\nC,9,30,7\nD,9,40,8\n");
    const bad = await runCli(["link", "--units", text, "--x", "enps", "--y", "nps"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(text);
    expect(bad.stderr).toContain("data row 2");
    expect(bad.stderr).toContain('column "enps"');
    expect(bad.stderr).toContain('"twenty"');
    expect(bad.stdout).toBe("");
  });

  it("asks for --x and --y with a units file", async () => {
    const run = await runCli(["link", "--units", UNITS]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--units needs --x and --y");
  });
});

describe("sym link --employees --customers", () => {
  it("aggregates the respondent files per unit with the engine and runs the same linkage as on those unit rows", async () => {
    const unitsFile = path.join(SAMPLES, "en", "units.csv");
    const result = await linkJson([
      "--employees",
      EN_EMPLOYEES,
      "--customers",
      EN_CUSTOMERS,
      "--units",
      unitsFile,
      "--bootstrap",
      "100",
      "--seed",
      "9",
      "--turnover",
      "--delta",
      "5",
    ]);
    expect(result.x).toEqual(["enps", "symmetry"]);
    expect(result.y).toEqual(["nps", "turnover"]);
    const [employees, customers] = await readBothPopulations(
      [
        { file: EN_EMPLOYEES, population: "employees", scale: { min: 1, max: 5 } },
        { file: EN_CUSTOMERS, population: "customers", scale: { min: 1, max: 5 } },
      ],
      DEFAULT_MODEL,
      { threads: "off" },
    );
    const units = unitRowsFromAggregates(
      employees.aggregate,
      customers.aggregate,
      DEFAULT_MODEL,
      readUnitsFile(unitsFile, DEFAULT_MODEL).units,
    );
    const expected = runLinkage({
      units,
      x: ["enps", "symmetry"],
      y: ["nps", "turnover"],
      bootstrap: 100,
      seed: 9,
      minN: 5,
      turnover: { x: "enps", costRatio: 0.21, deltaPoints: 5 },
    });
    const { ranOn, x, y, ...engine } = result;
    expect(ranOn).toBe("local");
    expect(x).toHaveLength(2);
    expect(y).toHaveLength(2);
    expect(engine).toEqual(JSON.parse(JSON.stringify(expected)));
    // units under 5 employee respondents are left out and counted, never shown
    expect(result.excluded).toBe(units.filter((unit) => unit.employeesN < 5).length);
    expect(result.excluded).toBeGreaterThan(0);
  });
});
