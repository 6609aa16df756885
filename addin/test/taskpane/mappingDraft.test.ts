import { DEFAULT_MODEL } from "@symmetry/engine";
import { locateSource } from "../../src/taskpane/data/sourceGeometry";
import { checkDraft, issuesOfRow, suggestDraft, type MappingDraft } from "../../src/taskpane/mapping/draft";
import { fixtureWorkbook } from "../support/fixtureWorkbook";

async function suggested(): Promise<{ draft: MappingDraft; unmapped: Record<string, string[]> }> {
  const workbook = fixtureWorkbook();
  const employees = { location: { sheet: "Employees" }, geometry: await locateSource(workbook, { sheet: "Employees" }) };
  const customers = { location: { sheet: "Customers" }, geometry: await locateSource(workbook, { sheet: "Customers" }) };
  return suggestDraft(DEFAULT_MODEL, "en", employees, customers);
}

describe("mapping suggestion and validation", () => {
  it("suggests a row for every header: items with their dimension and reversal, eNPS, unit, manager; the rest ignored", async () => {
    const { draft, unmapped } = await suggested();
    const byHeader = Object.fromEntries(draft.employees.columns.map((column) => [column.header, column]));
    expect(draft.employees.columns.map((column) => column.header)).toEqual([
      "id",
      "unit",
      "manager",
      "culture_1",
      "culture_2",
      "recognition_1",
      "culture_3~r",
      "recognition_2",
      "information_1",
      "eNPS",
    ]);
    expect(byHeader.id.role).toBe("ignore");
    expect(byHeader.unit.role).toBe("unit");
    expect(byHeader.manager.role).toBe("manager");
    expect(byHeader["culture_3~r"]).toMatchObject({ role: "item", dimension: "culture", item: 3, reversed: true });
    expect(byHeader.eNPS.role).toBe("recommendation");
    expect(draft.customers.columns.find((column) => column.header === "NPS")!.role).toBe("recommendation");
    expect(unmapped.employees).toEqual(["id"]);
  });

  it("accepts the suggestion as a valid mapping without the ignored rows", async () => {
    const { draft } = await suggested();
    const check = checkDraft(draft);
    expect(check.issues).toEqual([]);
    expect(check.mapping!.employees.columns.map((column) => column.header)).not.toContain("id");
  });

  it("puts each problem on the grid row to fix, with what to do", async () => {
    const { draft } = await suggested();
    draft.employees.columns[3] = { header: "culture_1", role: "item", reversed: false }; // dimension removed
    draft.employees.columns[0] = { header: "id", role: "unit", reversed: false }; // a second unit column
    const check = checkDraft(draft);
    expect(check.mapping).toBeUndefined();
    expect(issuesOfRow(check.issues, "employees", 3).map((issue) => issue.message)).toEqual([
      'pick the dimension of "culture_1" (or set its role to Ignore)',
    ]);
    expect(issuesOfRow(check.issues, "employees", 1).map((issue) => issue.message)).toEqual([
      'only one unit column is allowed among the employees: "unit" is a second one',
    ]);
    expect(issuesOfRow(check.issues, "employees", 0)).toEqual([]);
  });

  it("asks for at least one dimension on both sides, and one scale per population", async () => {
    const { draft } = await suggested();
    for (const column of draft.customers.columns) if (column.role === "item") column.dimension = "ethics";
    draft.employees.columns[4] = { ...draft.employees.columns[4], scale: { min: 1, max: 7 } };
    const messages = checkDraft(draft).issues.map((issue) => `${issue.path}: ${issue.message}`);
    expect(messages).toContain(
      "dimensions: no dimension is mapped in both the employee and the customer data: map at least one on each side to compute a gap",
    );
    expect(messages).toContain('employees.columns.4.scale: "culture_2" is on 1–7 but the employees scale is 1–5: one scale per population');
  });

  it("reports zod's own checks (a dimension id the schema refuses) on the right row", async () => {
    const { draft } = await suggested();
    draft.employees.columns[5] = { ...draft.employees.columns[5], dimension: "Not An Id" };
    const issues = issuesOfRow(checkDraft(draft).issues, "employees", 5);
    expect(issues).toEqual([
      { path: "employees.columns.5.dimension", message: "use lower-case letters, digits, '-' or '_', starting with a letter" },
    ]);
  });

  it("flags headers that vanished from the sheet", async () => {
    const { draft } = await suggested();
    const workbook = fixtureWorkbook();
    const geometry = await locateSource(workbook, { sheet: "Employees" });
    draft.employees.columns[4] = { ...draft.employees.columns[4], header: "culture_9" };
    expect(issuesOfRow(checkDraft(draft, { employees: geometry }).issues, "employees", 4).map((issue) => issue.message)).toEqual([
      '"culture_9" is no longer in sheet Employees: suggest the mapping again',
    ]);
  });
});
