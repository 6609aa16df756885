import type { ColumnMapping, Model, Population } from "./schemas";

/**
 * Header auto-mapping, shared by the CLI and the task pane. A header maps to a dimension when it
 * is the dimension's id or its FR/EN label, optionally followed by a separator and an item number
 * (`recognition_2`, `Reconnaissance 3`, `autonomy (1)`), or when it is one of the model's item
 * labels for that population; a trailing `~r` marks a reversed item. `enps` (employees) and `nps`
 * (customers) are recommendation questions; `unit`, `manager` and `wave` (FR: unité, manager,
 * vague) are grouping columns.
 */

/** Lower-case, accents and punctuation spacing removed, so "Éthique " and "ethique" meet. */
export function normaliseHeader(header: string): string {
  return header
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The words of a normalised header, with "_" and "-" read as spaces, so that exports that write
 * `physical_environment_2` or `bien-etre` meet the labels "Physical environment" and "Bien-être".
 */
function wordKey(normalised: string): string {
  return normalised
    .replace(/[_\-\u2010-\u2013]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const ROLE_NAMES: Record<"unit" | "manager" | "wave", readonly string[]> = {
  unit: ["unit", "unite", "unit id", "store", "magasin", "team", "equipe"],
  manager: ["manager", "manager id", "responsable"],
  wave: ["wave", "vague", "period", "periode"],
};

const RECOMMENDATION_NAMES: Record<Population, readonly string[]> = {
  employees: ["enps", "e-nps", "employee nps"],
  customers: ["nps", "customer nps", "nps client"],
};

export interface SuggestOptions {
  /** Name of the grouping column (the CLI's `--by`), matched before the default unit names. */
  readonly unitColumn?: string;
  /** Name of the wave column (`sym trend --wave-column`), matched before the default wave names. */
  readonly waveColumn?: string;
}

export interface SuggestedMapping {
  readonly columns: ColumnMapping[];
  /** Headers that matched nothing: listed for the user, never fatal. */
  readonly unmapped: string[];
}

interface DimensionKey {
  readonly dimension: string;
  readonly item?: number;
}

function buildDimensionIndex(model: Model, population: Population): { names: Map<string, string>; items: Map<string, DimensionKey> } {
  const names = new Map<string, string>();
  const items = new Map<string, DimensionKey>();
  for (const dimension of model.dimensions) {
    for (const name of [dimension.id, dimension.label.fr, dimension.label.en, ...dimension.aliases])
      names.set(wordKey(normaliseHeader(name)), dimension.id);
    const modelItems = population === "employees" ? dimension.employeeItems : dimension.customerItems;
    modelItems.forEach((item, index) => {
      const key = { dimension: dimension.id, item: index + 1 };
      items.set(wordKey(normaliseHeader(item.label.fr)), key);
      items.set(wordKey(normaliseHeader(item.label.en)), key);
      items.set(wordKey(normaliseHeader(item.id)), key);
    });
  }
  return { names, items };
}

const ITEM_SUFFIX = /^(.*?)[\s_.\-#:]*\(?(\d{1,3})\)?$/;

/** Suggests the mapping of one header, or undefined when nothing matches. */
export function suggestColumn(
  header: string,
  population: Population,
  model: Model,
  options: SuggestOptions = {},
): ColumnMapping | undefined {
  return suggestWithIndex(header, population, buildDimensionIndex(model, population), options);
}

function suggestWithIndex(
  header: string,
  population: Population,
  index: ReturnType<typeof buildDimensionIndex>,
  options: SuggestOptions,
): ColumnMapping | undefined {
  let text = normaliseHeader(header);
  if (text === "") return undefined;
  if (options.unitColumn && text === normaliseHeader(options.unitColumn)) return { header, role: "unit", reversed: false };
  if (options.waveColumn && text === normaliseHeader(options.waveColumn)) return { header, role: "wave", reversed: false };
  let reversed = false;
  if (text.endsWith("~r")) {
    reversed = true;
    text = text.slice(0, -2).trim();
  }
  const words = wordKey(text);
  if (!reversed) {
    if (RECOMMENDATION_NAMES[population].some((name) => wordKey(name) === words))
      return { header, role: "recommendation", reversed: false };
    for (const role of ["unit", "manager", "wave"] as const) {
      if ((!options.unitColumn || role !== "unit") && (!options.waveColumn || role !== "wave")) {
        if (ROLE_NAMES[role].some((name) => wordKey(name) === words)) return { header, role, reversed: false };
      }
    }
  }
  const direct = index.names.get(words) ?? undefined;
  if (direct) return { header, role: "item", dimension: direct, reversed };
  const itemLabel = index.items.get(words);
  if (itemLabel) return { header, role: "item", dimension: itemLabel.dimension, item: itemLabel.item, reversed };
  const match = ITEM_SUFFIX.exec(text);
  if (match) {
    const dimension = index.names.get(wordKey(match[1]));
    if (dimension) return { header, role: "item", dimension, item: Number(match[2]), reversed };
  }
  return undefined;
}

/** Suggests a mapping for every header of a population's source. */
export function suggestMapping(
  headers: readonly string[],
  population: Population,
  model: Model,
  options: SuggestOptions = {},
): SuggestedMapping {
  const index = buildDimensionIndex(model, population);
  const columns: ColumnMapping[] = [];
  const unmapped: string[] = [];
  const singleRoles = new Set<string>();
  for (const header of headers) {
    const suggestion = suggestWithIndex(header, population, index, options);
    const isSingleRole = suggestion && suggestion.role !== "item";
    if (!suggestion || (isSingleRole && singleRoles.has(suggestion.role))) {
      unmapped.push(header);
      continue;
    }
    if (isSingleRole) singleRoles.add(suggestion.role);
    columns.push(suggestion);
  }
  return { columns, unmapped };
}
