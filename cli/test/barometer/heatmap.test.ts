import * as path from "node:path";
import { EN_CUSTOMERS, EN_EMPLOYEES, FR_CUSTOMERS, FR_EMPLOYEES, SAMPLES, runCli, scratchDirectory } from "../support/cli";

/**
 * `sym barometer --by …`: the heat map and the support-versus-front-office block in JSON and in the
 * readable table, on the samples (whose support units feel less recognised, as the article on recognising support staff warns), then the
 * groupings' bad inputs. Figures are checked against pandas in shared/test/heatmap; here the
 * shape, the joint suppression across the groupings shown and the messages.
 */
const EN_UNITS = path.join(SAMPLES, "en", "units.csv");
const FR_UNITS = path.join(SAMPLES, "fr", "units.csv");
const scratch = scratchDirectory();
afterAll(() => scratch.remove());

async function json(args: string[]) {
  const run = await runCli(["barometer", ...args, "--json"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

describe("sym barometer --by", () => {
  it("prints heatmap [{by, groups: [{group, n, suppressed, dimensions: [{id, employee, customer, gap}]}]}] and the support block", async () => {
    const report = await json([
      "--employees",
      EN_EMPLOYEES,
      "--customers",
      EN_CUSTOMERS,
      "--units",
      EN_UNITS,
      "--by",
      "unit",
      "--by",
      "type",
      "--by",
      "manager",
    ]);
    expect(report.heatmap.map((entry: { by: string }) => entry.by)).toEqual(["unit", "type", "manager"]);
    const units = report.heatmap[0];
    const lyon = units.groups.find((group: { group: string }) => group.group === "Lyon Part-Dieu");
    expect(lyon).toMatchObject({ suppressed: false });
    expect(lyon.n).toBeGreaterThan(5);
    expect(Object.keys(lyon.dimensions[0]).sort()).toEqual(["customer", "employee", "gap", "id"]);
    expect(lyon.dimensions[0].gap).toBeCloseTo(lyon.dimensions[0].employee - lyon.dimensions[0].customer, 12);
    const quality = units.groups.find((group: { group: string }) => group.group === "Quality");
    expect(quality).toMatchObject({ n: null, suppressed: true });
    // Support units carry no customers: no customer score, no gap.
    const payroll = units.groups.find((group: { group: string }) => group.group === "Payroll");
    expect(payroll.dimensions.every((cell: { customer: number | null }) => cell.customer === null)).toBe(true);
    // Types: support feels less recognised than front office, in the map and in the block.
    const types = report.heatmap[1].groups;
    const recognition = (group: any) => group.dimensions.find((cell: { id: string }) => cell.id === "recognition").employee;
    expect(recognition(types.find((group: any) => group.group === "support"))).toBeLessThan(
      recognition(types.find((group: any) => group.group === "front-office")) - 10,
    );
    const block = report.support.dimensions.find((row: { id: string }) => row.id === "recognition");
    expect(block).toMatchObject({ status: "alert" });
    expect(Object.keys(block).sort()).toEqual(["difference", "front", "high", "id", "low", "p", "status", "support"]);
    expect(block.difference).toBeLessThan(-10);
    expect(block.high).toBeLessThan(0);
    // eNPS lists are the heat map's groups, hidden the same way.
    expect(report.units.map((unit: any) => [unit.unit, unit.n, unit.suppressed])).toEqual(
      units.groups.map((group: any) => [group.group, group.n, group.suppressed]),
    );
  });

  it("groups by any column of the employees' file, and keeps the support block without --by", async () => {
    const employees = scratch.write(
      "tenure.csv",
      [
        "unit,tenure_band,recognition_1,enps",
        ...Array.from(
          { length: 40 },
          (_, index) => `${index % 2 ? "A" : "B"},${["<1", "1-3", "3+"][index % 3]},${1 + (index % 5)},${index % 11}`,
        ),
      ].join("\n") + "\n",
    );
    const customers = scratch.write(
      "tenure-customers.csv",
      ["unit,recognition_1,nps", ...Array.from({ length: 12 }, (_, index) => `${index % 2 ? "A" : "B"},${1 + (index % 5)},9`)].join("\n") +
        "\n",
    );
    const report = await json(["--employees", employees, "--customers", customers, "--by", "tenure_band"]);
    expect(report.heatmap[0].by).toBe("tenure_band");
    expect(report.heatmap[0].groups.map((group: { group: string }) => group.group)).toEqual(["<1", "1-3", "3+"]);
    expect(report.heatmap[0].groups.every((group: any) => group.dimensions.every((cell: any) => cell.customer === null))).toBe(true);
    const plain = await json(["--employees", EN_EMPLOYEES, "--customers", EN_CUSTOMERS, "--units", EN_UNITS]);
    expect(plain.heatmap).toBeUndefined();
    expect(plain.support.dimensions).toHaveLength(11);
  });

  it("prints the map with · for hidden cells and a legend, and the support block, in English and French", async () => {
    const english = await runCli([
      "barometer",
      "--employees",
      EN_EMPLOYEES,
      "--customers",
      EN_CUSTOMERS,
      "--units",
      EN_UNITS,
      "--by",
      "unit",
    ]);
    expect(english.code).toBe(0);
    expect(english.stdout).toMatch(/Heat map by unit/);
    expect(english.stdout).toMatch(/\nQuality\s+<5(\s+·){11}\n/);
    expect(english.stdout).toContain("· hidden: fewer than 5 people");
    expect(english.stdout).toMatch(/Support versus front office/);
    expect(english.stdout).toMatch(/\nRecognition\s+\d+\.\d\s+\d+\.\d\s+-\d+\.\d\s+\[-\d+\.\d; -\d+\.\d\]\s+<0\.001\s+ALERT\n/);
    const french = await runCli([
      "barometer",
      "--employees",
      FR_EMPLOYEES,
      "--customers",
      FR_CUSTOMERS,
      "--units",
      FR_UNITS,
      "--by",
      "unité",
      "--lang",
      "fr",
    ]);
    expect(french.code).toBe(0);
    expect(french.stdout).toMatch(/Carte de chaleur par unité/);
    expect(french.stdout).toContain("· masqué : moins de 5 personnes");
    expect(french.stdout).toMatch(/Support face au front office/);
    expect(french.stdout).toMatch(/\nReconnaissance et valorisation\s+\d+,\d\s+\d+,\d\s+-\d+,\d/);
  });
});

describe("sym barometer --by: bad groupings", () => {
  const customers = scratch.write("bad-customers.csv", ["unit,recognition_1,nps", "A,4,9", "B,3,7"].join("\n") + "\n");

  it("refuses a column with more than 2,000 distinct values, with the count", async () => {
    const employees = scratch.write(
      "ids.csv",
      ["unit,person,recognition_1,enps", ...Array.from({ length: 2300 }, (_, index) => `A,P${index},${1 + (index % 5)},8`)].join("\n") +
        "\n",
    );
    const run = await runCli(["barometer", "--employees", employees, "--customers", customers, "--by", "person"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain('"person" has 2300 distinct values, more than the 2000');
  });

  it("says when every respondent shares the value, and shows both spellings of a likely typo", async () => {
    const employees = scratch.write(
      "typo.csv",
      [
        "unit,site,recognition_1,enps",
        ...Array.from({ length: 30 }, (_, index) => `${["Lyon Nord", "lyon  nord", "Paris"][index % 3]},HQ,${1 + (index % 5)},8`),
      ].join("\n") + "\n",
    );
    const run = await runCli(["barometer", "--employees", employees, "--customers", customers, "--by", "unit", "--by", "site"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('--by unit: "lyon  nord" / "Lyon Nord" differ only in case or spaces: a typo?');
    expect(run.stderr).toContain('--by site: every respondent has the same value ("HQ"), so the map has one group only');
    const report = await json(["--employees", employees, "--customers", customers, "--by", "site"]);
    expect(report.heatmapNotes).toEqual([{ by: "site", kind: "single-group", group: "HQ" }]);
  });

  it("names the missing column, and asks for --units for --by type", async () => {
    const missing = await runCli(["barometer", "--employees", EN_EMPLOYEES, "--customers", EN_CUSTOMERS, "--by", "region"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--by names the column "region"');
    const type = await runCli(["barometer", "--employees", EN_EMPLOYEES, "--customers", EN_CUSTOMERS, "--by", "type"]);
    expect(type.code).toBe(2);
    expect(type.stderr).toContain("--by type needs unit types: give --units");
  });
});
