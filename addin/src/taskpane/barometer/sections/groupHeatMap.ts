import { columnLetters, type RangeAddress } from "../../workbook/a1";
import { filteredColumn, groupsOfAnswered } from "../formulaText";
import { formulaBlock, valueBlock, type Section } from "../../sheet/sections";
import type { BarometerContext } from "./context";

/**
 * An eNPS heat map by group (unit or manager): title, header, then BYGROUP spilled over group, n,
 * eNPS. BYGROUP sees the raw rows and hides every group under the threshold together with its
 * complement, so no count under the threshold ever sits in a cell. Rows are reserved for the
 * spill: one per distinct group.
 */

export interface GroupHeatMapSpec {
  /** 0-based column of the map's first column and 0-based row of its title. */
  readonly left: number;
  readonly top: number;
  readonly title: string;
  readonly label: string;
  /** Column of the group labels in the employees' source, -1 when unmapped. */
  readonly groupColumn: number;
  readonly groups: number;
}

/** The map, or undefined when the group or the recommendation column is not mapped. */
export function groupHeatMapSection(context: BarometerContext, spec: GroupHeatMapSpec): Section<{ spill: RangeAddress }> | undefined {
  const { text, minN, enpsColumn, input } = context;
  if (spec.groupColumn < 0 || enpsColumn < 0) return undefined;
  const employees = input.employees;
  const spill: RangeAddress = {
    top: spec.top + 2,
    bottom: spec.top + 2 + Math.max(spec.groups, 1) - 1,
    left: spec.left,
    right: spec.left + 2,
  };
  const valueColumn = columnLetters(spec.left + 2);
  const values = `${valueColumn}${spill.top + 1}:${valueColumn}${spill.bottom + 1}`;
  return {
    blocks: [
      valueBlock(spec.top, spec.left, [[spec.title], [spec.label, text.count, text.enps]]),
      formulaBlock(spec.top + 2, spec.left, [
        [
          `=SYM.BYGROUP(${groupsOfAnswered(employees, spec.groupColumn, enpsColumn)},${filteredColumn(employees, enpsColumn)},"enps",${minN})`,
        ],
      ]),
    ],
    numberFormats: [{ address: values, format: "0" }],
    conditionalFormats: [{ kind: "colorScale", address: values, low: "#F8696B", middle: "#FFEB84", high: "#63BE7B" }],
    charts: [],
    bottom: spill.bottom,
    anchors: { spill },
  };
}
