/**
 * The synthetic barometer data set of shared/test/reference/barometer.json (rows drawn and
 * expected values computed by shared/test/reference/make_reference.py with pandas and scipy), and
 * helpers that fold its rows into population aggregates the way the CLI does.
 */
import { PopulationAccumulator, readAnswer, type Cell, type PopulationAggregate } from "@symmetry/engine";
import { loadReference } from "./reference";

export interface Column {
  dimension: string;
  reversed: boolean;
}
interface ExpectedScore {
  score: number;
  n: number;
  alpha: number | null;
}
interface ExpectedDimension {
  id: string;
  employee: ExpectedScore;
  customer: ExpectedScore;
  gap: number;
  low: number;
  high: number;
  p: number;
  hedgesG: number;
  status: string;
}
export interface Interval {
  value: number;
  low: number;
  high: number;
  n: number;
}
export interface BarometerFixture {
  scale: { min: number; max: number };
  minGroupSize: number;
  employees: { columns: Column[]; rows: Cell[][]; enps: Cell[]; units: string[]; managers: string[] };
  customers: { columns: Column[]; rows: Cell[][]; nps: Cell[] };
  expected: {
    employees: { n: number; enps: Interval };
    customers: { n: number; nps: Interval };
    dimensions: ExpectedDimension[];
    symmetryIndex: number;
    units: { unit: string; n: number; enps: number | null; suppressed: boolean }[];
    managers: { unit: string; n: number; enps: number | null; suppressed: boolean }[];
    unpairedDimensions: { id: string; population: string }[];
  };
}

export const fixture = loadReference<BarometerFixture>("barometer.json");

/** Folds fixture rows the way the CLI does: cells read with readAnswer, recommendation in the last column. */
export function aggregate(
  population: "employees" | "customers",
  columns: Column[],
  rows: Cell[][],
  recommendation: Cell[],
  units?: string[],
  managers?: string[],
  order?: number[],
): PopulationAggregate {
  const accumulator = new PopulationAccumulator({
    population,
    scale: fixture.scale,
    items: columns.map((column, index) => ({ column: index, dimension: column.dimension, reversed: column.reversed })),
    recommendationColumn: columns.length,
  });
  for (const index of order ?? rows.map((_, i) => i)) {
    const values = [...rows[index], recommendation[index]].map(readAnswer);
    accumulator.addRow(values, units?.[index], managers?.[index]);
  }
  return accumulator.result();
}

export function fixtureAggregates(employeeOrder?: number[], customerOrder?: number[]) {
  const { employees, customers } = fixture;
  return {
    employees: aggregate(
      "employees",
      employees.columns,
      employees.rows,
      employees.enps,
      employees.units,
      employees.managers,
      employeeOrder,
    ),
    customers: aggregate("customers", customers.columns, customers.rows, customers.nps, undefined, undefined, customerOrder),
  };
}
