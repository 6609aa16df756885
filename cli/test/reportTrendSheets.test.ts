import * as path from "node:path";
import ExcelJS from "exceljs";
import { DEFAULT_MODEL } from "@symmetry/engine";
import { filledWorkbookFromCsv } from "../src/workbook/filledWorkbook";
import { runCli, SAMPLES, scratchDirectory } from "./support/cli";

/** `sym report` on a workbook with two waves adds Trend and Priorities sheets, read back here against `sym trend --json`. */
jest.setTimeout(300_000);
const scratch = scratchDirectory();
afterAll(() => scratch.remove());
const wavesFile = (name: string) => path.join(SAMPLES, "en", "waves", name);

it("writes the Trend and Priorities sheets with the figures of sym trend", async () => {
  const input = scratch.write(
    "waves.xlsx",
    await filledWorkbookFromCsv({ employees: wavesFile("employees.csv"), customers: wavesFile("customers.csv") }, DEFAULT_MODEL, "en"),
  );
  const output = path.join(path.dirname(input), "waves-report.xlsx");
  const run = await runCli(["report", input, "-o", output, "--bootstrap", "100"]);
  expect(run.code).toBe(0);
  const trend = JSON.parse(
    (await runCli(["trend", "--employees", wavesFile("employees.csv"), "--customers", wavesFile("customers.csv"), "--json"])).stdout,
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(output);
  const sheet = workbook.getWorksheet("Trend")!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  const waveRows = rows.filter((row) => trend.waves.some((wave: { wave: string }) => wave.wave === String(row[0])) && row.length <= 6);
  const expectedWaveRows = trend.waves.flatMap((wave: { wave: string; dimensions: { label: string; gap: number | null }[] }) =>
    wave.dimensions.map((dimension) => [wave.wave, dimension.label, dimension.gap === null ? null : Number(dimension.gap.toFixed(1)) + 0]),
  );
  expect(waveRows.map((row) => [String(row[0]), row[1], row[4] ?? null])).toEqual(expectedWaveRows);
  const change = trend.changes[0];
  const changeRows = rows.filter((row) => String(row[0]) === change.from && String(row[1]) === change.to);
  expect(changeRows.map((row) => [row[2], row[5], row[9]])).toEqual(
    change.dimensions.map((dimension: { label: string; gapChange: number; status: string }) => [
      dimension.label,
      Number(dimension.gapChange.toFixed(1)) + 0,
      { narrowed: "narrowed", widened: "WIDENED", stable: "stable" }[dimension.status],
    ]),
  );
  const priorities = workbook.getWorksheet("Priorities")!;
  expect(priorities.getCell("B4").value).toBe(trend.priorities[0].label);
  expect(priorities.getCell("A4").value).toBe(1);
});
