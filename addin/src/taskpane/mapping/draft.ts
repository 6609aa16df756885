import {
  MappingSchema,
  describeIssues,
  suggestMapping,
  type ColumnMapping,
  type Language,
  type Mapping,
  type Model,
  type Population,
} from "@symmetry/engine";
import type { SourceGeometry, SourceLocation } from "../data/sourceGeometry";

/**
 * The mapping being edited in the grid: every header of each source gets a row (unrecognised
 * ones as "ignore"), validated by the shared zod MappingSchema plus the checks that need the
 * workbook (headers still present, one scale per population, something to compare).
 */

export type MappingDraft = {
  version: 1;
  modelId: string;
  language: Language;
  employees: SourceLocation & { columns: ColumnMapping[] };
  customers: SourceLocation & { columns: ColumnMapping[] };
  units?: Mapping["units"];
  scales: Mapping["scales"];
  thresholds: Mapping["thresholds"];
};

export interface MappingIssue {
  /** Dotted path as zod gives it: "employees.columns.3.dimension". */
  readonly path: string;
  readonly message: string;
}

export interface DraftCheck {
  readonly mapping?: Mapping;
  readonly issues: readonly MappingIssue[];
}

function location(source: SourceLocation): SourceLocation {
  return { sheet: source.sheet, ...(source.range ? { range: source.range } : {}), ...(source.table ? { table: source.table } : {}) };
}

/** Every header with its suggested role, in source order; headers nothing matched are "ignore". */
export function suggestColumns(
  headers: readonly string[],
  population: Population,
  model: Model,
): { columns: ColumnMapping[]; unmapped: string[] } {
  const suggestion = suggestMapping(
    headers.filter((header) => header !== ""),
    population,
    model,
  );
  const byHeader = new Map(suggestion.columns.map((column) => [column.header, column]));
  const columns = headers
    .filter((header) => header !== "")
    .map((header): ColumnMapping => byHeader.get(header) ?? { header, role: "ignore", reversed: false });
  return { columns, unmapped: suggestion.unmapped };
}

export function suggestDraft(
  model: Model,
  language: Language,
  employees: { location: SourceLocation; geometry: SourceGeometry },
  customers: { location: SourceLocation; geometry: SourceGeometry },
): { draft: MappingDraft; unmapped: Record<Population, string[]> } {
  const employeeColumns = suggestColumns(employees.geometry.headers, "employees", model);
  const customerColumns = suggestColumns(customers.geometry.headers, "customers", model);
  return {
    draft: {
      version: 1,
      modelId: model.id,
      language,
      employees: { ...location(employees.location), columns: employeeColumns.columns },
      customers: { ...location(customers.location), columns: customerColumns.columns },
      scales: { employees: { ...model.scales.employees }, customers: { ...model.scales.customers } },
      thresholds: {},
    },
    unmapped: { employees: employeeColumns.unmapped, customers: customerColumns.unmapped },
  };
}

/** The draft without the rows left on "ignore" (they need not travel in the workbook). */
function withoutIgnored(draft: MappingDraft): unknown {
  return {
    ...draft,
    employees: { ...draft.employees, columns: draft.employees.columns.filter((column) => column.role !== "ignore") },
    customers: { ...draft.customers, columns: draft.customers.columns.filter((column) => column.role !== "ignore") },
  };
}

/**
 * Validates a draft. Paths point at the grid rows (index in `draft.<population>.columns`), so the
 * grid shows each message next to the column to fix.
 */
export function checkDraft(draft: MappingDraft, geometries?: Partial<Record<Population, SourceGeometry>>): DraftCheck {
  const issues: MappingIssue[] = [];
  for (const population of ["employees", "customers"] as const) {
    const scale = draft.scales[population];
    draft[population].columns.forEach((column, index) => {
      const path = `${population}.columns.${index}`;
      if (column.role === "item" && !column.dimension)
        issues.push({ path: `${path}.dimension`, message: `pick the dimension of "${column.header}" (or set its role to Ignore)` });
      if (column.role !== "item" && column.dimension)
        issues.push({ path: `${path}.dimension`, message: `"${column.header}" has a dimension but is not an item: clear the dimension` });
      if (column.scale && (column.scale.min !== scale.min || column.scale.max !== scale.max)) {
        issues.push({
          path: `${path}.scale`,
          message: `"${column.header}" is on ${column.scale.min}–${column.scale.max} but the ${population} scale is ${scale.min}–${scale.max}: one scale per population`,
        });
      }
      const geometry = geometries?.[population];
      if (geometry && !geometry.headers.includes(column.header))
        issues.push({
          path: `${path}.header`,
          message: `"${column.header}" is no longer in sheet ${geometry.sheet}: suggest the mapping again`,
        });
    });
    for (const role of ["unit", "manager", "wave", "recommendation"] as const) {
      const indexes = draft[population].columns.flatMap((column, index) => (column.role === role ? [index] : []));
      for (const index of indexes.slice(1)) {
        issues.push({
          path: `${population}.columns.${index}.role`,
          message: `only one ${role} column is allowed among the ${population}: "${draft[population].columns[index].header}" is a second one`,
        });
      }
    }
  }
  const dimensions = (population: Population) =>
    new Set(draft[population].columns.filter((column) => column.role === "item").map((column) => column.dimension));
  const employeeDimensions = dimensions("employees");
  if (![...dimensions("customers")].some((dimension) => employeeDimensions.has(dimension))) {
    issues.push({
      path: "dimensions",
      message: "no dimension is mapped in both the employee and the customer data: map at least one on each side to compute a gap",
    });
  }
  const parsed = MappingSchema.safeParse(withoutIgnored(draft));
  if (!parsed.success) {
    for (const issue of describeIssues(parsed.error)) {
      // Paths of the filtered arrays do not match the grid rows: map them back by header.
      const match = /^(employees|customers)\.columns\.(\d+)(.*)$/.exec(issue.path);
      if (match) {
        const population = match[1] as Population;
        const kept = draft[population].columns.filter((column) => column.role !== "ignore")[Number(match[2])];
        const row = draft[population].columns.indexOf(kept);
        const path = `${population}.columns.${row}${match[3]}`;
        if (!issues.some((existing) => existing.path === path)) issues.push({ path, message: issue.message });
      } else if (!issues.some((existing) => existing.message === issue.message)) {
        issues.push(issue);
      }
    }
  }
  return issues.length === 0 && parsed.success ? { mapping: parsed.data, issues } : { issues };
}

/** A saved mapping as a draft for the grid. */
export function draftFromMapping(mapping: Mapping): MappingDraft {
  return {
    version: 1,
    modelId: mapping.modelId,
    language: mapping.language,
    employees: { ...mapping.employees, columns: mapping.employees.columns.map((column) => ({ ...column })) },
    customers: { ...mapping.customers, columns: mapping.customers.columns.map((column) => ({ ...column })) },
    ...(mapping.units ? { units: { ...mapping.units } } : {}),
    scales: { employees: { ...mapping.scales.employees }, customers: { ...mapping.scales.customers } },
    thresholds: { ...mapping.thresholds },
  };
}

/** Issues of one grid row. */
export function issuesOfRow(issues: readonly MappingIssue[], population: Population, index: number): MappingIssue[] {
  const prefix = `${population}.columns.${index}`;
  return issues.filter((issue) => issue.path === prefix || issue.path.startsWith(`${prefix}.`));
}
