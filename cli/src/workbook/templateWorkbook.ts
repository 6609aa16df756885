import ExcelJS from "exceljs";
import type { Language, Mapping, Model, Scale } from "@symmetry/engine";
import { MAPPING_NAMESPACE } from "@symmetry/engine/model/schemas";
import { mappingToXml } from "@symmetry/engine/model/mappingXml";
import { addCustomXmlPart } from "./customXmlPart";
import { WORKBOOK_NAMES, type WorkbookNames } from "./workbookNames";

/**
 * The consultant's template (one workbook per client organisation): Employees, Customers and Units sheets as Excel tables whose
 * headers are the model's item wordings in the chosen language (the header auto-mapping maps an
 * item wording back to its dimension and item number), data-validation lists for the answer scales
 * and 0–10 for eNPS / NPS, frozen header rows, a short instructions sheet, and the mapping as the
 * custom XML part `urn:symmetry-barometer:mapping:1`, so the add-in and `sym report` read the
 * columns without guessing.
 */

/** Rows that carry the validation lists: Excel extends them as a table grows past them. */
export const VALIDATED_ROWS = 1000;

/** Cell values of the data rows, by header (filled workbooks for tests and benches). */
export type DataRow = Record<string, string | number | null | undefined>;

export interface TemplateOptions {
  readonly model: Model;
  readonly language: Language;
  /** Data to put in the tables (empty template when absent). */
  readonly data?: { readonly employees?: readonly DataRow[]; readonly customers?: readonly DataRow[]; readonly units?: readonly DataRow[] };
}

interface Column {
  readonly header: string;
  readonly width: number;
  readonly validation?: ExcelJS.DataValidation;
}

/** An item's header: its wording, with the `~r` mark of reversed items (docs/domain.md#scale-normalisation). */
export function itemHeader(label: string, reversed: boolean): string {
  return reversed ? `${label} ~r` : label;
}

function scaleValidation(scale: Scale, names: WorkbookNames, language: Language): ExcelJS.DataValidation {
  const whole = Number.isInteger(scale.min) && Number.isInteger(scale.max) && scale.max - scale.min <= 10;
  const error =
    language === "fr"
      ? `Réponse de ${scale.min} à ${scale.max}, ${names.nonAnswer} ou vide`
      : `An answer from ${scale.min} to ${scale.max}, ${names.nonAnswer} or blank`;
  if (whole) {
    const values = Array.from({ length: scale.max - scale.min + 1 }, (_, index) => String(scale.min + index));
    return {
      type: "list",
      allowBlank: true,
      formulae: [`"${[...values, names.nonAnswer].join(",")}"`],
      showErrorMessage: true,
      errorStyle: "stop",
      error,
    };
  }
  return {
    type: "decimal",
    operator: "between",
    allowBlank: true,
    formulae: [scale.min, scale.max],
    showErrorMessage: true,
    errorStyle: "stop",
    error,
  };
}

function recommendationValidation(language: Language): ExcelJS.DataValidation {
  return {
    type: "whole",
    operator: "between",
    allowBlank: true,
    formulae: [0, 10],
    showErrorMessage: true,
    errorStyle: "stop",
    error: language === "fr" ? "Un nombre entier de 0 à 10 ou vide" : "A whole number from 0 to 10 or blank",
  };
}

function populationColumns(model: Model, population: "employees" | "customers", language: Language, names: WorkbookNames): Column[] {
  const scale = model.scales[population];
  const answers = scaleValidation(scale, names, language);
  const items = model.dimensions.flatMap((dimension) =>
    (population === "employees" ? dimension.employeeItems : dimension.customerItems).map((item) => ({
      header: itemHeader(item.label[language], item.reversed),
      width: 18,
      validation: answers,
    })),
  );
  const groups =
    population === "employees" ? [names.columns.unit, names.columns.manager, names.columns.wave] : [names.columns.unit, names.columns.wave];
  return [
    ...groups.map((header) => ({ header, width: 16 })),
    ...items,
    {
      header: population === "employees" ? names.columns.enps : names.columns.nps,
      width: 10,
      validation: recommendationValidation(language),
    },
  ];
}

function unitsColumns(model: Model, language: Language, names: WorkbookNames): Column[] {
  const attributes = model.unitAttributes.map((attribute) => attribute.id);
  const count = (error: string): ExcelJS.DataValidation => ({
    type: "decimal",
    operator: "greaterThanOrEqual",
    allowBlank: true,
    formulae: [0],
    showErrorMessage: true,
    errorStyle: "stop",
    error,
  });
  const positive = language === "fr" ? "Un nombre positif ou nul" : "A number, zero or more";
  return [
    { header: names.columns.unit, width: 22 },
    {
      header: names.columns.attribute,
      width: 16,
      validation: {
        type: "list",
        allowBlank: true,
        formulae: [`"${attributes.join(",")}"`],
        showErrorMessage: true,
        errorStyle: "stop",
        error: attributes.join(" / "),
      },
    },
    { header: names.columns.headcount, width: 12, validation: count(positive) },
    { header: names.columns.leavers, width: 12, validation: count(positive) },
    { header: names.columns.salary, width: 20, validation: count(positive) },
  ];
}

/** The mapping the template's columns carry (thresholds written in full, as the add-in does). */
export function templateMapping(model: Model, language: Language): Mapping {
  const names = WORKBOOK_NAMES[language];
  const columnsOf = (population: "employees" | "customers") => [
    { header: names.columns.unit, role: "unit" as const, reversed: false },
    ...(population === "employees" ? [{ header: names.columns.manager, role: "manager" as const, reversed: false }] : []),
    { header: names.columns.wave, role: "wave" as const, reversed: false },
    ...model.dimensions.flatMap((dimension) =>
      (population === "employees" ? dimension.employeeItems : dimension.customerItems).map((item, index) => ({
        header: itemHeader(item.label[language], item.reversed),
        role: "item" as const,
        dimension: dimension.id,
        item: index + 1,
        reversed: item.reversed,
      })),
    ),
    { header: population === "employees" ? names.columns.enps : names.columns.nps, role: "recommendation" as const, reversed: false },
  ];
  return {
    version: 1,
    modelId: model.id,
    language,
    employees: { sheet: names.sheets.employees, table: names.tables.employees, columns: columnsOf("employees") },
    customers: { sheet: names.sheets.customers, table: names.tables.customers, columns: columnsOf("customers") },
    units: {
      sheet: names.sheets.units,
      table: names.tables.units,
      unitColumn: names.columns.unit,
      attributeColumn: names.columns.attribute,
      headcountColumn: names.columns.headcount,
      leaversColumn: names.columns.leavers,
      salaryColumn: names.columns.salary,
    },
    scales: { employees: { ...model.scales.employees }, customers: { ...model.scales.customers } },
    thresholds: { ...model.thresholds },
  };
}

/** exceljs has worksheet.dataValidations at run time; its type definitions omit it. */
export function validationsOf(sheet: ExcelJS.Worksheet): {
  add(range: string, validation: ExcelJS.DataValidation): void;
  model: Record<string, ExcelJS.DataValidation | undefined>;
} {
  return (sheet as unknown as { dataValidations: ReturnType<typeof validationsOf> }).dataValidations;
}

function addDataSheet(
  workbook: ExcelJS.Workbook,
  sheetName: string,
  tableName: string,
  columns: Column[],
  rows: readonly DataRow[] | undefined,
): void {
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1, xSplit: 1 }] });
  const body = rows && rows.length > 0 ? rows.map((row) => columns.map((column) => row[column.header] ?? null)) : [columns.map(() => null)];
  sheet.addTable({
    name: tableName,
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: columns.map((column) => ({ name: column.header, filterButton: true })),
    rows: body,
  });
  columns.forEach((column, index) => {
    const letter = sheet.getColumn(index + 1).letter;
    sheet.getColumn(index + 1).width = column.width;
    if (column.validation) validationsOf(sheet).add(`${letter}2:${letter}${Math.max(VALIDATED_ROWS, body.length) + 1}`, column.validation);
  });
  const header = sheet.getRow(1);
  header.alignment = { wrapText: true, vertical: "top" };
  header.height = 60;
}

function instructions(model: Model, language: Language, names: WorkbookNames): string[] {
  const { employees, customers } = model.scales;
  if (language === "fr") {
    return [
      `Baromètre de la symétrie : modèle ${model.name.fr} (version ${model.version})`,
      "",
      `1. Feuille ${names.sheets.employees} : une ligne par collaborateur interrogé. Réponses de ${employees.min} à ${employees.max}, ${names.nonAnswer} ou vide pour « ne sait pas ». eNPS : de 0 à 10.`,
      `2. Feuille ${names.sheets.customers} : une ligne par client interrogé. Réponses de ${customers.min} à ${customers.max}. NPS : de 0 à 10.`,
      `3. Feuille ${names.sheets.units} : une ligne par unité (magasin, équipe) : type (front-office ou support), effectif, départs de l'année, salaire annuel moyen.`,
      "4. Collez les réponses en valeurs (pas de formules) sous les en-têtes ; ne renommez pas les colonnes : le complément et sym report les reconnaissent.",
      "5. Résultat : sym report ce-fichier.xlsx -o rapport.xlsx, ou le complément Excel (Construire le baromètre).",
      "",
      `Confidentialité : aucun chiffre n'est montré pour moins de ${model.thresholds.minGroupSize} personnes.`,
    ];
  }
  return [
    `Symmetry Barometer: model ${model.name.en} (version ${model.version})`,
    "",
    `1. Sheet ${names.sheets.employees}: one row per employee surveyed. Answers from ${employees.min} to ${employees.max}, ${names.nonAnswer} or blank for "don't know". eNPS: 0 to 10.`,
    `2. Sheet ${names.sheets.customers}: one row per customer surveyed. Answers from ${customers.min} to ${customers.max}. NPS: 0 to 10.`,
    `3. Sheet ${names.sheets.units}: one row per unit (store, team): type (front-office or support), headcount, leavers in the year, average annual salary.`,
    "4. Paste answers as values (no formulas) under the headers; do not rename the columns: the add-in and sym report recognise them.",
    "5. Result: sym report this-file.xlsx -o report.xlsx, or the Excel add-in (Build barometer).",
    "",
    `Confidentiality: no figure is shown about fewer than ${model.thresholds.minGroupSize} people.`,
  ];
}

/** Builds the template (or a filled copy when `data` is given) as .xlsx bytes, mapping part included. */
export async function buildTemplateWorkbook(options: TemplateOptions): Promise<Buffer> {
  const { model, language } = options;
  const names = WORKBOOK_NAMES[language];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Symmetry Barometer";
  // A fixed date: the same model and data give the same file.
  workbook.created = workbook.modified = new Date(Date.UTC(2025, 0, 1));
  const guide = workbook.addWorksheet(names.sheets.instructions);
  guide.getColumn(1).width = 120;
  instructions(model, language, names).forEach((line, index) => {
    const cell = guide.getCell(index + 1, 1);
    cell.value = line;
    if (index === 0) cell.font = { bold: true, size: 14 };
  });
  addDataSheet(
    workbook,
    names.sheets.employees,
    names.tables.employees,
    populationColumns(model, "employees", language, names),
    options.data?.employees,
  );
  addDataSheet(
    workbook,
    names.sheets.customers,
    names.tables.customers,
    populationColumns(model, "customers", language, names),
    options.data?.customers,
  );
  addDataSheet(workbook, names.sheets.units, names.tables.units, unitsColumns(model, language, names), options.data?.units);
  const written = Buffer.from(await workbook.xlsx.writeBuffer());
  return addCustomXmlPart(written, mappingToXml(templateMapping(model, language)), MAPPING_NAMESPACE);
}
