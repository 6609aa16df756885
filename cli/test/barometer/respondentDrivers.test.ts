import * as fs from "node:fs";
import { EN_CUSTOMERS, EN_EMPLOYEES, runCli, scratchDirectory } from "../support/cli";

/**
 * A client with 10 stores has too few units for drivers across units (25): `sym barometer` then
 * computes them across respondents and says so. The relative weights themselves are checked
 * against numpy in shared/test/priorities; here, the switch, the label and the listwise count,
 * recounted from the CSV by this test.
 */
const scratch = scratchDirectory();
afterAll(() => scratch.remove());

it("uses respondent-level drivers, labelled respondents, when there are fewer than 25 units", async () => {
  const [header, ...rows] = fs.readFileSync(EN_EMPLOYEES, "utf8").trimEnd().split("\n");
  const columns = header.split(",");
  const unitColumn = columns.indexOf("unit");
  const units = [...new Set(rows.map((row) => row.split(",")[unitColumn]))].slice(0, 10);
  const kept = rows.filter((row) => units.includes(row.split(",")[unitColumn]));
  const employees = scratch.write("ten-stores.csv", [header, ...kept].join("\n") + "\n");

  const run = await runCli(["barometer", "--employees", employees, "--customers", EN_CUSTOMERS, "--json"]);
  expect(run.stderr).toBe("");
  const report = JSON.parse(run.stdout);
  expect(report.units.length).toBe(10);
  expect(report.drivers.source).toBe("respondents");
  expect(report.drivers.units).toBe(0);

  // Listwise: employees with an eNPS answer and at least one answered item in every dimension.
  const dimensions = [...new Set(columns.filter((name) => /_\d+$/.test(name)).map((name) => name.replace(/_\d+$/, "")))];
  const present = (value: string) => value !== "" && value !== "NA";
  const complete = kept.filter((row) => {
    const cells = row.split(",");
    return (
      present(cells[columns.indexOf("enps")]) &&
      dimensions.every((dimension) => columns.some((name, index) => name.startsWith(`${dimension}_`) && present(cells[index])))
    );
  }).length;
  expect(report.drivers.respondents).toBe(complete);
  expect(complete).toBeGreaterThanOrEqual(30);
  expect(report.drivers.rSquared).toBeGreaterThan(0);
  expect(report.drivers.rSquared).toBeLessThan(1);
  const impacts = report.priorities.map((priority: { impact: number }) => priority.impact);
  expect(impacts.reduce((sum: number, impact: number) => sum + impact, 0)).toBeCloseTo(1, 10);
  expect(new Set(impacts.map((impact: number) => impact.toFixed(6))).size).toBeGreaterThan(1);
});
