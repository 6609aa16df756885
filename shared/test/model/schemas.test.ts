/** zod schemas at the boundaries: the default model (the 11 dimensions of the article on the barometer of symmetry) and the workbook mapping. */
import { DEFAULT_MODEL, MappingSchema, ModelSchema, defaultModel, describeIssues, type Mapping } from "@symmetry/engine";

const DIMENSION_IDS = [
  "culture",
  "recognition",
  "information",
  "autonomy",
  "physical",
  "relationship",
  "development",
  "alignment",
  "wellbeing",
  "ethics",
  "horizon",
];

describe("DEFAULT_MODEL", () => {
  it("parses with ModelSchema", () => {
    expect(ModelSchema.safeParse(DEFAULT_MODEL).success).toBe(true);
  });

  it("has the 11 dimensions of docs/domain.md#dimensions in order, with their FR and EN labels", () => {
    expect(DEFAULT_MODEL.dimensions.map((d) => d.id)).toEqual(DIMENSION_IDS);
    const recognition = DEFAULT_MODEL.dimensions[1];
    expect(recognition.label).toEqual({ fr: "Reconnaissance et valorisation", en: "Recognition" });
    expect(DEFAULT_MODEL.dimensions[7].label).toEqual({ fr: "Alignement discours / réalité", en: "Words-versus-reality alignment" });
  });

  it.each(DEFAULT_MODEL.dimensions.map((d) => [d.id, d] as const))(
    "gives %p 2–4 employee and 2–4 customer items worded in both languages",
    (_id, dimension) => {
      for (const items of [dimension.employeeItems, dimension.customerItems]) {
        expect(items.length).toBeGreaterThanOrEqual(2);
        expect(items.length).toBeLessThanOrEqual(4);
        for (const item of items) {
          expect(item.label.fr.trim().length).toBeGreaterThan(10);
          expect(item.label.en.trim().length).toBeGreaterThan(10);
          expect(item.label.fr).not.toBe(item.label.en);
        }
      }
      const employeeWording = new Set(dimension.employeeItems.map((item) => item.label.en));
      expect(dimension.customerItems.some((item) => employeeWording.has(item.label.en))).toBe(false);
    },
  );

  it("has unique item ids across the model", () => {
    const ids = DEFAULT_MODEL.dimensions.flatMap((d) => [...d.employeeItems, ...d.customerItems].map((item) => item.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("names the journey moments and the front-office / support unit attributes", () => {
    expect(DEFAULT_MODEL.journeyMoments.map((m) => m.id)).toEqual(["recruitment", "onboarding", "evaluation", "mobility", "exit"]);
    expect(DEFAULT_MODEL.unitAttributes.map((a) => a.id)).toEqual(["front-office", "support"]);
  });

  it("defaults to the thresholds of docs/domain.md#gap-status", () => {
    expect(DEFAULT_MODEL.thresholds).toEqual({
      minGroupSize: 5,
      minCommentGroupSize: 10,
      minDriverUnits: 25,
      gapThreshold: 10,
      alpha: 0.05,
    });
  });

  it("hands out copies that do not touch the shared default", () => {
    const copy = defaultModel();
    copy.dimensions[0].label.en = "changed";
    expect(DEFAULT_MODEL.dimensions[0].label.en).toBe("Customer culture and values");
  });

  it("rejects a model with a duplicate dimension id, saying which", () => {
    const model = defaultModel();
    model.dimensions[1] = { ...model.dimensions[1], id: "culture" };
    const result = ModelSchema.safeParse(model);
    expect(result.success).toBe(false);
    expect(describeIssues(result.error!)).toContainEqual({ path: "dimensions.1.id", message: 'duplicate dimension id "culture"' });
  });
});

describe("MappingSchema", () => {
  const valid = (): Mapping =>
    ({
      version: 1,
      employees: {
        sheet: "Employees",
        columns: [
          { header: "unit", role: "unit" },
          { header: "recognition_1", role: "item", dimension: "recognition", item: 1 },
          { header: "recognition_2~r", role: "item", dimension: "recognition", item: 2, reversed: true },
          { header: "enps", role: "recommendation" },
        ],
      },
      customers: { sheet: "Customers", columns: [{ header: "Reconnaissance 1", role: "item", dimension: "recognition" }] },
      scales: { employees: { min: 1, max: 5 }, customers: { min: 1, max: 5 } },
    }) as Mapping;

  it("accepts a mapping and fills its defaults", () => {
    const parsed = MappingSchema.parse(valid());
    expect(parsed.language).toBe("en");
    expect(parsed.modelId).toBe("default");
    expect(parsed.employees.columns[1].reversed).toBe(false);
  });

  it("rejects a header mapped twice, naming it and where", () => {
    const mapping = valid();
    mapping.employees.columns.push({ header: "recognition_1", role: "item", dimension: "ethics", reversed: false });
    const result = MappingSchema.safeParse(mapping);
    expect(result.success).toBe(false);
    expect(describeIssues(result.error!)).toContainEqual({
      path: "employees.columns.4.header",
      message: 'column "recognition_1" is mapped twice',
    });
  });

  it("rejects a second unit column", () => {
    const mapping = valid();
    mapping.employees.columns.push({ header: "store", role: "unit", reversed: false });
    const issues = describeIssues(MappingSchema.safeParse(mapping).error!);
    expect(issues.map((issue) => issue.message)).toContain("only one unit column is allowed among the employees");
  });

  it("rejects an item without a dimension, naming the column", () => {
    const mapping = valid();
    mapping.customers.columns.push({ header: "Q7", role: "item", reversed: false });
    const issues = describeIssues(MappingSchema.safeParse(mapping).error!);
    expect(issues).toContainEqual({ path: "customers.columns.1.dimension", message: 'column "Q7" is an item but names no dimension' });
  });

  it("rejects a dimension on a column that is not an item", () => {
    const mapping = valid();
    mapping.employees.columns[0] = { header: "unit", role: "unit", dimension: "ethics", reversed: false };
    const issues = describeIssues(MappingSchema.safeParse(mapping).error!);
    expect(issues.map((issue) => issue.message)).toContain('column "unit" has a dimension but its role is unit');
  });

  it("rejects unknown fields, naming them", () => {
    const mapping = { ...valid(), colour: "blue" };
    const issues = describeIssues(MappingSchema.safeParse(mapping).error!);
    expect(issues.some((issue) => issue.message.includes("colour"))).toBe(true);
    const column = valid();
    (column.employees.columns[0] as Record<string, unknown>).weight = 2;
    const columnIssues = describeIssues(MappingSchema.safeParse(column).error!);
    expect(columnIssues.some((issue) => issue.path === "employees.columns.0" && issue.message.includes("weight"))).toBe(true);
  });

  it("rejects a scale whose max is not above its min, and an unknown version", () => {
    const mapping = valid();
    mapping.scales.customers = { min: 5, max: 1 };
    expect(describeIssues(MappingSchema.safeParse(mapping).error!)).toContainEqual({
      path: "scales.customers",
      message: "scale max must be greater than min",
    });
    expect(MappingSchema.safeParse({ ...valid(), version: 2 }).success).toBe(false);
  });
});
