import * as fs from "node:fs";
import type { Language, Model, Population } from "@symmetry/engine";
import { suggestMapping } from "@symmetry/engine/model/headers";
import { parseNumericText } from "@symmetry/engine/scale/answers";
import { buildTemplateWorkbook, templateMapping, type DataRow } from "./templateWorkbook";
import { WORKBOOK_NAMES } from "./workbookNames";

/**
 * A template filled with respondent CSV files (tests, benches and demos): each CSV column is put
 * under the template column the header auto-mapping gives both (same dimension and item number,
 * or the same role). A CSV item marked reversed (`~r`) under a template item that is not is
 * recoded as (min + max) − x, which leaves every normalised score unchanged (docs/domain.md#scale-normalisation:
 * 100·(hi−x)/(hi−lo) = 100·((lo+hi−x)−lo)/(hi−lo)). Numbers are written as numbers, declared
 * non-answers as text, as a consultant pasting values would.
 */

interface CsvTable {
  readonly headers: string[];
  readonly rows: string[][];
}

/** Simple CSV reading for the bundled samples and generated files (no quoted fields). */
export function readSimpleCsv(file: string): CsvTable {
  const lines = fs
    .readFileSync(file, "utf8")
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((line) => line !== "");
  const delimiter = lines[0].includes(";") ? ";" : ",";
  return { headers: lines[0].split(delimiter), rows: lines.slice(1).map((line) => line.split(delimiter)) };
}

function cellOf(text: string, recode?: { min: number; max: number }): string | number | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const number = parseNumericText(trimmed);
  if (number === undefined) return trimmed;
  return recode ? recode.min + recode.max - number : number;
}

function populationRows(table: CsvTable, population: Population, model: Model, language: Language): DataRow[] {
  const target = templateMapping(model, language)[population].columns;
  const source = suggestMapping(table.headers, population, model).columns;
  const scale = model.scales[population];
  const plan = source.flatMap((column) => {
    const match = target.find((candidate) =>
      column.role === "item"
        ? candidate.role === "item" && candidate.dimension === column.dimension && candidate.item === (column.item ?? 1)
        : candidate.role === column.role,
    );
    if (!match) return [];
    return [
      {
        index: table.headers.indexOf(column.header),
        header: match.header,
        recode: column.role === "item" && column.reversed !== match.reversed ? scale : undefined,
      },
    ];
  });
  return table.rows.map((cells) => Object.fromEntries(plan.map((entry) => [entry.header, cellOf(cells[entry.index] ?? "", entry.recode)])));
}

function unitRows(table: CsvTable, language: Language): DataRow[] {
  const names = WORKBOOK_NAMES[language].columns;
  const roles: [RegExp, string][] = [
    [/^(unit|unité)$/i, names.unit],
    [/^(attribute|type)$/i, names.attribute],
    [/^(headcount|effectif)$/i, names.headcount],
    [/^(leavers|départs)$/i, names.leavers],
    [/(salary|salaire)/i, names.salary],
  ];
  const plan = table.headers.flatMap((header, index) => {
    const role = roles.find(([pattern]) => pattern.test(header.trim()));
    return role ? [{ index, header: role[1] }] : [];
  });
  return table.rows.map((cells) => Object.fromEntries(plan.map((entry) => [entry.header, cellOf(cells[entry.index] ?? "")])));
}

export interface CsvSources {
  readonly employees: string;
  readonly customers: string;
  readonly units?: string;
}

/** The template of `sym template` with the CSV files' rows in its tables. */
export async function filledWorkbookFromCsv(sources: CsvSources, model: Model, language: Language): Promise<Buffer> {
  return buildTemplateWorkbook({
    model,
    language,
    data: {
      employees: populationRows(readSimpleCsv(sources.employees), "employees", model, language),
      customers: populationRows(readSimpleCsv(sources.customers), "customers", model, language),
      ...(sources.units ? { units: unitRows(readSimpleCsv(sources.units), language) } : {}),
    },
  });
}
