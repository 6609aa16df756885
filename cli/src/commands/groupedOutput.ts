import type { Model, UnitAttributes } from "@symmetry/engine";
import type { CellTable } from "@symmetry/engine/heatmap/cellTable";
import type { GroupingNote, HeatmapGrouping } from "@symmetry/engine/heatmap/groupings";
import { computeHeatmap, type HeatmapEntry } from "@symmetry/engine/heatmap/heatmap";
import { supportVersusFront, type SupportVersusFront } from "@symmetry/engine/heatmap/supportFront";
import { BY_MANAGER, BY_UNIT, typeGrouping } from "./groupings";

/** eNPS of one group, in the shape of the barometer's `units` and `managers`. */
export interface GroupEnps {
  unit: string;
  n: number | null;
  enps: number | null;
  suppressed: boolean;
}

export interface GroupedOutput {
  units: GroupEnps[];
  managers: GroupEnps[];
  heatmap?: HeatmapEntry[];
  heatmapNotes?: GroupingNote[];
  support?: SupportVersusFront;
}

/**
 * Everything an output shows by group, decided together (docs/domain.md#joint-suppression): eNPS by unit
 * and by manager, the heat maps asked for, and support versus front office whenever units have a
 * type. `sym barometer` and `sym report` both call it, so the same data gives the same hidden set.
 */
export function groupedOutput(
  employees: CellTable,
  customers: CellTable,
  units: readonly UnitAttributes[],
  shown: readonly HeatmapGrouping[],
  model: Model,
  thresholds: { minGroupSize: number; gapThreshold: number; alpha: number },
): GroupedOutput {
  const types = unitTypes(units);
  const published: HeatmapGrouping[] = [BY_UNIT, BY_MANAGER, ...(types.size > 0 ? [typeGrouping(types)] : []), ...shown];
  const dimensions = model.dimensions.map((dimension) => dimension.id);
  const joint = computeHeatmap(employees, customers, published, { minGroupSize: thresholds.minGroupSize, dimensions });
  const groupsOf = (by: string): GroupEnps[] =>
    (joint.heatmap.find((entry) => entry.by === by)?.groups ?? []).map((group) => ({
      unit: group.group,
      n: group.n,
      enps: group.enps,
      suppressed: group.suppressed,
    }));
  const support =
    types.size > 0
      ? supportVersusFront(employees, typeGrouping(types), {
          minGroupSize: thresholds.minGroupSize,
          dimensions,
          gapThreshold: thresholds.gapThreshold,
          alpha: thresholds.alpha,
          alsoPublished: published,
        })
      : undefined;
  return {
    units: groupsOf("unit"),
    managers: groupsOf("manager"),
    ...(shown.length > 0
      ? {
          heatmap: shown.map((grouping) => joint.heatmap.find((entry) => entry.by === grouping.by)!),
          heatmapNotes: joint.notes.filter((note) => shown.some((grouping) => grouping.by === note.by)),
        }
      : {}),
    ...(support ? { support } : {}),
  };
}

/** Unit → type (front-office / support) from a units file or sheet. */
export function unitTypes(units: readonly UnitAttributes[]): Map<string, string> {
  return new Map(units.flatMap((unit) => (unit.attribute === undefined ? [] : [[unit.unit, unit.attribute] as [string, string]])));
}
