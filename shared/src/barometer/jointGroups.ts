import { outputConfidentiality } from "../heatmap/heatmap";
import type { CellTable } from "../heatmap/cellTable";
import { compareLabels } from "../heatmap/groupings";
import { countTotal, netPromoterScore } from "../nps/nps";
import type { PopulationAggregate } from "./aggregate";

/** eNPS of one unit or manager as the barometer publishes it (`unit` names the group either way). */
export interface JointGroupResult {
  unit: string;
  n: number | null;
  enps: number | null;
  suppressed: boolean;
}

/**
 * eNPS by unit and by manager decided together (docs/domain.md#joint-suppression), from the
 * aggregate's (unit, manager) cells: people first (a group of fewer than `minGroupSize`
 * respondents is hidden, with complements chosen across both groupings and the total), then the
 * eNPS answers with the hidden groups kept hidden. So a hidden manager is never its unit minus
 * its visible managers, nor a hidden unit the total minus the visible ones. A group is published
 * only when both levels show it; its count is then its respondents.
 *
 * Without cells (an aggregate made by hand), units and managers cannot be decided together: the
 * units are decided against the total alone and every manager is hidden.
 */
export function jointUnitManagerEnps(
  employees: Pick<PopulationAggregate, "units" | "managers" | "unitManagerCells">,
  minGroupSize: number,
  decideAlone: (groups: PopulationAggregate["units"]) => JointGroupResult[],
): { units: JointGroupResult[]; managers: JointGroupResult[] } {
  const units = Object.keys(employees.units ?? {});
  const managers = Object.keys(employees.managers ?? {});
  if (units.length === 0 || managers.length === 0) {
    return { units: decideAlone(employees.units ?? {}), managers: decideAlone(employees.managers ?? {}) };
  }
  const cells = employees.unitManagerCells ?? [];
  if (cells.length === 0) {
    const hidden = (name: string): JointGroupResult => ({ unit: name, n: null, enps: null, suppressed: true });
    return { units: decideAlone(employees.units), managers: managers.sort(compareLabels).map(hidden) };
  }
  const table: CellTable = {
    dimensions: [],
    keyNames: ["unit", "manager"],
    keys: [cells.map((cell) => cell.unit), cells.map((cell) => cell.manager)],
    respondents: Float64Array.from(cells, (cell) => cell.n),
    promoters: Float64Array.from(cells, (cell) => cell.recommendation.promoters),
    passives: Float64Array.from(cells, (cell) => cell.recommendation.passives),
    detractors: Float64Array.from(cells, (cell) => cell.recommendation.detractors),
    counts: new Float64Array(0),
    shiftedSums: new Float64Array(0),
    shiftedSquares: new Float64Array(0),
  };
  const grouping = (labels: string[], keyOf: (cell: (typeof cells)[number]) => string) => {
    const sorted = [...labels].sort(compareLabels);
    const index = new Map(sorted.map((label, position) => [label, position]));
    return { labels: sorted, groupOf: Int32Array.from(cells, (cell) => index.get(keyOf(cell)) ?? -1) };
  };
  const byUnit = grouping(units, (cell) => cell.unit);
  const byManager = grouping(managers, (cell) => cell.manager);
  const decisions = outputConfidentiality(
    table,
    [
      { by: "unit", ...byUnit },
      { by: "manager", ...byManager },
    ],
    minGroupSize,
  );
  const publish = (labels: string[], groups: PopulationAggregate["units"], position: number): JointGroupResult[] =>
    labels.map((label, group) => {
      const aggregate = groups[label];
      const suppressed = decisions.people.hidden[position][group] || decisions.enps.hidden[position][group];
      const answered = countTotal(aggregate.recommendation) > 0;
      return {
        unit: label,
        n: suppressed ? null : aggregate.n,
        enps: suppressed || !answered ? null : netPromoterScore(aggregate.recommendation),
        suppressed,
      };
    });
  return { units: publish(byUnit.labels, employees.units, 0), managers: publish(byManager.labels, employees.managers, 1) };
}
