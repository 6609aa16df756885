/** Header auto-mapping (so a survey export maps itself without hand work): ids, FR/EN labels, aliases, accents and case, item numbers, `~r`, recommendation and unit columns. */
import { DEFAULT_MODEL, MappingSchema, normaliseHeader, suggestColumn, suggestMapping, type ColumnMapping } from "@symmetry/engine";

const employees = (header: string, options = {}) => suggestColumn(header, "employees", DEFAULT_MODEL, options);
const customers = (header: string) => suggestColumn(header, "customers", DEFAULT_MODEL);
const item = (dimension: string, extra: Partial<ColumnMapping> = {}) =>
  expect.objectContaining({ role: "item", dimension, reversed: false, ...extra });

describe("suggestColumn", () => {
  it.each(DEFAULT_MODEL.dimensions.map((d) => [d.id] as const))("maps the dimension id %p", (id) => {
    expect(employees(id)).toEqual(item(id));
    expect(customers(id)).toEqual(item(id));
  });

  it.each(DEFAULT_MODEL.dimensions.flatMap((d) => [[d.label.fr, d.id] as const, [d.label.en, d.id] as const]))(
    "maps the label %p to %p",
    (label, id) => {
      expect(employees(label)).toEqual(item(id));
    },
  );

  it.each([
    ["reconnaissance", "recognition"],
    ["valorisation", "recognition"],
    ["autonomie", "autonomy"],
    ["bien etre", "wellbeing"],
    ["well-being", "wellbeing"],
    ["relationnel", "relationship"],
    ["tools", "physical"],
  ])("maps the alias %p to %p", (alias, id) => {
    expect(employees(alias)).toEqual(item(id));
  });

  it.each([
    ["ÉTHIQUE", "ethics"],
    ["  Éthique  ", "ethics"],
    ["ethique", "ethics"],
    ["DÉVELOPPEMENT", "development"],
    ["Bien-Être Émotionnel", "wellbeing"],
    ["RECOGNITION", "recognition"],
  ])("ignores accents, case and outer spaces in %p", (header, id) => {
    expect(employees(header)).toEqual(item(id));
  });

  it.each([
    ["physical_environment_2", "physical", 2],
    ["bien_etre_1", "wellbeing", 1],
    ["customer_culture", "culture", undefined],
    ["words versus reality alignment", "alignment", undefined],
    ["Well_Being", "wellbeing", undefined],
  ])("reads underscores and hyphens in %p as spaces", (header, id, number) => {
    expect(employees(header)).toEqual(expect.objectContaining({ role: "item", dimension: id }));
    expect(employees(header)?.item).toBe(number);
  });

  it.each([
    ["recognition_2", "recognition", 2],
    ["Reconnaissance 3", "recognition", 3],
    ["autonomy (1)", "autonomy", 1],
    ["Autonomie et initiative - 2", "autonomy", 2],
    ["ethics.4", "ethics", 4],
    ["Information#12", "information", 12],
  ])("reads the item number of %p", (header, id, number) => {
    expect(employees(header)).toEqual(item(id, { item: number }));
  });

  it.each([
    ["recognition_2~r", "recognition", 2],
    ["Éthique 1 ~r", "ethics", 1],
    ["wellbeing~R", "wellbeing", undefined],
  ])("marks %p as reversed", (header, id, number) => {
    const suggestion = employees(header);
    expect(suggestion).toEqual(expect.objectContaining({ role: "item", dimension: id, reversed: true }));
    expect(suggestion?.item).toBe(number);
  });

  it("maps enps for employees and nps for customers as recommendation questions", () => {
    expect(employees("eNPS")).toEqual(expect.objectContaining({ role: "recommendation" }));
    expect(employees("e-NPS")).toEqual(expect.objectContaining({ role: "recommendation" }));
    expect(employees("employee_nps")).toEqual(expect.objectContaining({ role: "recommendation" }));
    expect(customers("NPS")).toEqual(expect.objectContaining({ role: "recommendation" }));
    expect(employees("nps")).toBeUndefined();
    expect(customers("enps")).toBeUndefined();
  });

  it("maps unit, manager and wave columns in English and French", () => {
    expect(employees("unit")).toEqual(expect.objectContaining({ role: "unit" }));
    expect(employees("Unité")).toEqual(expect.objectContaining({ role: "unit" }));
    expect(employees("unit_id")).toEqual(expect.objectContaining({ role: "unit" }));
    expect(employees("Manager")).toEqual(expect.objectContaining({ role: "manager" }));
    expect(employees("vague")).toEqual(expect.objectContaining({ role: "wave" }));
  });

  it("uses the --by column as the unit column, and then not the default name", () => {
    expect(employees("Site", { unitColumn: "site" })).toEqual(expect.objectContaining({ role: "unit" }));
    expect(employees("unit", { unitColumn: "site" })).toBeUndefined();
  });

  it("maps the model's item labels in both languages to their dimension and item number", () => {
    const recognition = DEFAULT_MODEL.dimensions.find((d) => d.id === "recognition")!;
    expect(employees(recognition.employeeItems[1].label.fr)).toEqual(item("recognition", { item: 2 }));
    expect(employees(recognition.employeeItems[0].label.en.toUpperCase())).toEqual(item("recognition", { item: 1 }));
    expect(customers(recognition.customerItems[2].label.en)).toEqual(item("recognition", { item: 3 }));
    expect(employees(recognition.customerItems[2].label.en)).toBeUndefined();
    expect(employees(`${recognition.employeeItems[2].id}`)).toEqual(item("recognition", { item: 3 }));
  });

  it.each(["respondent_id", "age", "recognitions", "comment", "", "2", "culture client extra"])("leaves %p unmapped", (header) => {
    expect(employees(header)).toBeUndefined();
  });
});

describe("suggestMapping", () => {
  const headers = ["id", "unit", "manager", "recognition_1", "recognition_2~r", "Éthique 1", "autonomy (2)", "enps", "unit", "age", "eNPS"];
  const mapping = suggestMapping(headers, "employees", DEFAULT_MODEL);

  it("lists unknown columns and repeated single-role columns as unmapped, without failing", () => {
    expect(mapping.unmapped).toEqual(["id", "unit", "age", "eNPS"]);
  });

  it("maps every other column once, in header order", () => {
    expect(mapping.columns.map((column) => column.header)).toEqual([
      "unit",
      "manager",
      "recognition_1",
      "recognition_2~r",
      "Éthique 1",
      "autonomy (2)",
      "enps",
    ]);
    expect(mapping.columns[3]).toEqual(expect.objectContaining({ dimension: "recognition", item: 2, reversed: true }));
  });

  it("gives columns that a workbook mapping accepts", () => {
    const customerMapping = suggestMapping(["nps", "recognition 1", "Ethics 2"], "customers", DEFAULT_MODEL);
    const parsed = MappingSchema.safeParse({
      version: 1,
      employees: { sheet: "Employees", columns: mapping.columns },
      customers: { sheet: "Customers", columns: customerMapping.columns },
      scales: DEFAULT_MODEL.scales,
    });
    expect(parsed.success).toBe(true);
  });
});

describe("normaliseHeader", () => {
  it("lower-cases, strips accents, unifies apostrophes and collapses spaces", () => {
    expect(normaliseHeader("  L’Éthique   Client ")).toBe("l'ethique client");
  });
});
