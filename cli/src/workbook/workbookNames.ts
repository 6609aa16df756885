import type { Language } from "@symmetry/engine";

/**
 * Names of the template's sheets, tables and fixed columns in each language. `sym report` finds
 * the data by these sheet names when a workbook carries no mapping part, and the header
 * auto-mapping (`suggestMapping`, `readUnits`) recognises these column names in both languages.
 */
export interface WorkbookNames {
  readonly sheets: { readonly instructions: string; readonly employees: string; readonly customers: string; readonly units: string };
  /** Excel table names (letters, digits and underscores only). */
  readonly tables: { readonly employees: string; readonly customers: string; readonly units: string };
  readonly columns: {
    readonly unit: string;
    readonly manager: string;
    readonly wave: string;
    readonly enps: string;
    readonly nps: string;
    readonly attribute: string;
    readonly headcount: string;
    readonly leavers: string;
    readonly salary: string;
  };
  readonly nonAnswer: string;
}

export const WORKBOOK_NAMES: Record<Language, WorkbookNames> = {
  en: {
    sheets: { instructions: "Instructions", employees: "Employees", customers: "Customers", units: "Units" },
    tables: { employees: "Employees", customers: "Customers", units: "Units" },
    columns: {
      unit: "unit",
      manager: "manager",
      wave: "wave",
      enps: "eNPS",
      nps: "NPS",
      attribute: "attribute",
      headcount: "headcount",
      leavers: "leavers",
      salary: "average_salary",
    },
    nonAnswer: "NA",
  },
  fr: {
    sheets: { instructions: "Mode d'emploi", employees: "Collaborateurs", customers: "Clients", units: "Unités" },
    tables: { employees: "Collaborateurs", customers: "Clients", units: "Unites" },
    columns: {
      unit: "unité",
      manager: "manager",
      wave: "vague",
      enps: "eNPS",
      nps: "NPS",
      attribute: "type",
      headcount: "effectif",
      leavers: "départs",
      salary: "salaire_annuel_moyen",
    },
    nonAnswer: "NSP",
  },
};

/** Sheet names `sym report` looks for when a workbook has no mapping part (either language). */
export const DATA_SHEET_NAMES = {
  employees: ["Employees", "Collaborateurs", "Salariés", "Salaries"],
  customers: ["Customers", "Clients"],
  units: ["Units", "Unités", "Unites"],
} as const;
