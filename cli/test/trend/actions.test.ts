import { readFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { ACTIONS_NAMESPACE, actionsToXml, type ActionPlan } from "@symmetry/engine/actions";
import { REPOSITORY, SAMPLES, runCli, scratchDirectory } from "../support/cli";
import { addCustomXmlPart } from "../../src/workbook/customXmlPart";

/**
 * `sym trend --actions`: the sample plan (samples/{en,fr}/waves/actions.json) read from JSON and
 * from a workbook's custom XML part, each action judged on its dimension's gap change, whose p
 * comes from cli/test/fixtures/make_samples_trend_reference.py (pandas + scipy); and its bad inputs.
 */
const reference = JSON.parse(readFileSync(path.join(REPOSITORY, "cli", "test", "fixtures", "samples-trend-reference.json"), "utf8")) as {
  change: { dimensions: { id: string; gapChange: number; p: number; status: string; closed: boolean }[] };
};
const WAVES = path.join(SAMPLES, "en", "waves");
const PLAN_FILE = path.join(WAVES, "actions.json");
const plan = JSON.parse(readFileSync(PLAN_FILE, "utf8")) as ActionPlan;
const scratch = scratchDirectory();
afterAll(() => scratch.remove());

function trend(actions: string, ...extra: string[]) {
  return runCli([
    "trend",
    "--employees",
    path.join(WAVES, "employees.csv"),
    "--customers",
    path.join(WAVES, "customers.csv"),
    "--actions",
    actions,
    ...extra,
  ]);
}

async function workbookWith(xml: string | undefined): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Actions").addRow(["dimension", "scope", "owner", "due", "status", "text"]);
  const written = Buffer.from(await workbook.xlsx.writeBuffer());
  return xml === undefined ? written : addCustomXmlPart(written, xml, ACTIONS_NAMESPACE);
}

describe("sym trend --actions", () => {
  it("says for each sample action whether its targeted gap narrowed, with the reference p", async () => {
    const run = await trend(PLAN_FILE, "--json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const outcomes = JSON.parse(run.stdout).actions;
    expect(outcomes).toHaveLength(plan.actions.length);
    outcomes.forEach((outcome: any, index: number) => {
      const expected = reference.change.dimensions.find((dimension) => dimension.id === plan.actions[index].dimension)!;
      expect(outcome).toMatchObject({
        index,
        dimension: expected.id,
        from: "2025",
        to: "2026",
        outcome: expected.status,
        closed: expected.closed,
      });
      expect(Math.abs(outcome.gapChange - expected.gapChange)).toBeLessThan(1e-9);
      expect(Math.abs(outcome.p - expected.p)).toBeLessThanOrEqual(1e-6 * expected.p + 1e-300);
    });
    expect(outcomes.map((outcome: any) => outcome.outcome)).toEqual(["narrowed", "narrowed", "widened"]);
  });

  it("reads the same plan from a workbook's custom XML part and prints it in the table", async () => {
    const workbook = scratch.write("plan.xlsx", await workbookWith(actionsToXml(plan)));
    const fromWorkbook = await trend(workbook, "--json");
    const fromJson = await trend(PLAN_FILE, "--json");
    expect(JSON.parse(fromWorkbook.stdout).actions).toEqual(JSON.parse(fromJson.stdout).actions);
    const table = await trend(workbook);
    expect(table.stdout).toMatch(/Actions and their targeted gaps, 2025 → 2026/);
    expect(table.stdout).toMatch(/Information +all +Internal communications +done +narrowed, alert closed/);
    expect(table.stdout).toMatch(/Recognition +all +HR director +in progress +WIDENED/);
  });

  it("refuses a workbook without the actions part, a bad plan and a missing file, naming them", async () => {
    const bare = scratch.write("bare.xlsx", await workbookWith(undefined));
    const noPart = await trend(bare);
    expect(noPart.code).toBe(1);
    expect(noPart.stderr).toContain(`${bare}: the workbook has no action plan (custom XML part ${ACTIONS_NAMESPACE})`);
    expect(noPart.stdout).toBe("");

    const badDue = scratch.write(
      "bad.json",
      JSON.stringify({ ...plan, actions: [plan.actions[0], { ...plan.actions[1], due: "2025-13-01" }] }),
    );
    const bad = await trend(badDue);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`${badDue}: action plan: actions.1.due: expected a date that exists`);

    const missing = await trend(path.join(scratch.write("x.json", "{}"), "..", "absent.json"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--actions: cannot read .*absent\.json: ENOENT/);

    const wrongKind = await trend(scratch.write("plan.txt", "x"));
    expect(wrongKind.code).toBe(2);
    expect(wrongKind.stderr).toMatch(/--actions expects a workbook \(\.xlsx\) or a JSON file \(\.json\)/);
  });
});
