import type { Language, Mapping, Model, Scale } from "@symmetry/engine";
import { stringsFor, type Strings } from "../../i18n/strings";
import { columnOfHeader, type SourceGeometry } from "../../data/sourceGeometry";
import type { CellValue } from "../../workbook/WorkbookPort";
import { itemMatrix, itemsOfDimension } from "../formulaText";

/**
 * What every Barometer section needs to know, worked out once from the mapping: the strings of
 * the sheet's language, the thresholds, both sources and the dimensions mapped in both
 * populations (with the formula text of their answer matrices).
 */

export interface LayoutInput {
  readonly mapping: Mapping;
  readonly model: Model;
  readonly language: Language;
  readonly employees: SourceGeometry;
  readonly customers: SourceGeometry;
  /** Distinct non-blank units and managers among employees: rows reserved for BYGROUP's spill. */
  readonly unitCount: number;
  readonly managerCount: number;
  /** The Units data with its front office / support column, when the mapping has one (heat map by type). */
  readonly unitTypes?: { readonly geometry: SourceGeometry; readonly unitColumn: number; readonly typeColumn: number };
  /** Percentile ranks in the benchmark pool, written as values in column K. */
  readonly benchmark?: { readonly header: string; readonly cells: Readonly<Record<string, CellValue>> };
}

export interface PairedDimension {
  readonly id: string;
  readonly label: string;
  readonly weight: number;
  /** Formula text of the employees' and the customers' answer matrices. */
  readonly employee: string;
  readonly customer: string;
  /** The employees' answer matrix with every row kept, aligned with the group columns (SYM.HEATMAP). */
  readonly employeeAligned: string;
}

export interface BarometerContext {
  readonly input: LayoutInput;
  readonly text: Strings;
  readonly minN: number;
  readonly gapThreshold: number;
  readonly alpha: number;
  readonly employeeScale: Scale;
  readonly customerScale: Scale;
  readonly sameScale: boolean;
  readonly paired: readonly PairedDimension[];
  /** Dimensions mapped in one population only: shown to the user, no gap possible. */
  readonly unpaired: readonly string[];
  /** Column (in its source) of the employees' and customers' recommendation answers, -1 when unmapped. */
  readonly enpsColumn: number;
  readonly npsColumn: number;
  readonly unitColumn: number;
  readonly managerColumn: number;
}

function roleColumn(mapping: Mapping["employees"], geometry: SourceGeometry, role: "recommendation" | "unit" | "manager"): number {
  const column = mapping.columns.find((candidate) => candidate.role === role);
  return column ? columnOfHeader(geometry, column.header) : -1;
}

export function barometerContext(input: LayoutInput): BarometerContext {
  const { mapping, model, language, employees, customers } = input;
  const thresholds = { ...model.thresholds, ...mapping.thresholds };
  const employeeScale = mapping.scales.employees;
  const customerScale = mapping.scales.customers;
  const paired: PairedDimension[] = [];
  const unpaired: string[] = [];
  for (const dimension of model.dimensions) {
    const employeeItems = itemsOfDimension(employees, mapping.employees.columns, dimension.id);
    const customerItems = itemsOfDimension(customers, mapping.customers.columns, dimension.id);
    if (employeeItems.length === 0 && customerItems.length === 0) continue;
    if (employeeItems.length === 0 || customerItems.length === 0) {
      unpaired.push(dimension.id);
      continue;
    }
    paired.push({
      id: dimension.id,
      label: dimension.label[language],
      weight: dimension.weight,
      employee: itemMatrix(employees, employeeItems, employeeScale),
      employeeAligned: itemMatrix(employees, employeeItems, employeeScale, true),
      customer: itemMatrix(customers, customerItems, customerScale),
    });
  }
  return {
    input,
    text: stringsFor(language),
    minN: thresholds.minGroupSize,
    gapThreshold: thresholds.gapThreshold,
    alpha: thresholds.alpha,
    employeeScale,
    customerScale,
    sameScale: employeeScale.min === customerScale.min && employeeScale.max === customerScale.max,
    paired,
    unpaired,
    enpsColumn: roleColumn(mapping.employees, employees, "recommendation"),
    npsColumn: roleColumn(mapping.customers, customers, "recommendation"),
    unitColumn: roleColumn(mapping.employees, employees, "unit"),
    managerColumn: roleColumn(mapping.employees, employees, "manager"),
  };
}
