import type { HeatmapGrouping } from "@symmetry/engine/heatmap/groupings";
import { normaliseHeader } from "@symmetry/engine/model/headers";
import { UsageError } from "../errors";
import type { PopulationRead } from "../population/readPopulation";

/** The groupings every barometer publishes when its data has them: eNPS by unit and by manager. */
export const BY_UNIT: HeatmapGrouping = { by: "unit", key: "unit", known: true };
export const BY_MANAGER: HeatmapGrouping = { by: "manager", key: "manager", known: true };

const UNIT_WORDS = new Set(["unit", "unite", "units", "unites"]);
const MANAGER_WORDS = new Set(["manager", "managers", "responsable"]);
const TYPE_WORDS = new Set(["type", "unit type", "type d'unite", "types"]);

/** What one `--by` asks for, before the files are read. */
export type ByRequest = { kind: "unit" } | { kind: "manager" } | { kind: "type" } | { kind: "column"; name: string };

/** `--by unit|type|manager|<column>` (FR words too: unité, responsable, type d'unité). */
export function parseBy(text: string): ByRequest {
  const word = normaliseHeader(text).replace(/_/g, " ");
  if (UNIT_WORDS.has(word)) return { kind: "unit" };
  if (MANAGER_WORDS.has(word)) return { kind: "manager" };
  if (TYPE_WORDS.has(word)) return { kind: "type" };
  if (text.trim() === "") throw new UsageError("--by expects unit, type, manager or a column name, got an empty value");
  return { kind: "column", name: text.trim() };
}

/**
 * The heat map groupings of the `--by` requests, once the files are read. A column that the
 * employees' file recognised as its unit or manager column is that grouping; unit types come from
 * the units file.
 *
 * @throws UsageError for a column the employees lack, or `type` without unit types
 */
export function resolveByRequests(
  requests: readonly ByRequest[],
  employees: PopulationRead,
  employeesFile: string,
  types: ReadonlyMap<string, string> | undefined,
): HeatmapGrouping[] {
  const groupings: HeatmapGrouping[] = [];
  const roleOf = (name: string) => employees.mapped.find((column) => normaliseHeader(column.header) === normaliseHeader(name))?.role;
  for (const request of requests) {
    let grouping: HeatmapGrouping;
    if (request.kind === "unit" || (request.kind === "column" && roleOf(request.name) === "unit")) grouping = BY_UNIT;
    else if (request.kind === "manager" || (request.kind === "column" && roleOf(request.name) === "manager")) grouping = BY_MANAGER;
    else if (request.kind === "type") {
      if (!types || types.size === 0)
        throw new UsageError("--by type needs unit types: give --units with a type column (front-office / support)");
      grouping = typeGrouping(types);
    } else {
      if (!employees.cells.keyNames.includes(request.name)) {
        throw new UsageError(
          `--by names the column ${JSON.stringify(request.name)}, which ${employeesFile} does not have (columns: ${employees.headers.join(", ")})`,
        );
      }
      grouping = { by: request.name, key: request.name };
    }
    if (!groupings.some((known) => known.by === grouping.by)) groupings.push(grouping);
  }
  return groupings;
}

/** Units relabelled by their type (front-office / support). */
export function typeGrouping(types: ReadonlyMap<string, string>): HeatmapGrouping {
  return { by: "type", key: "unit", relabel: types };
}
