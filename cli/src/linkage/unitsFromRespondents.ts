import type { Model, Scale, UnitRow } from "@symmetry/engine";
import { unitRowsFromAggregates } from "@symmetry/engine/linkage/unitAggregation";
import { readBothPopulations } from "../population/readBoth";
import { readUnitsFile } from "../units/readUnits";

export interface RespondentSources {
  readonly employees: string;
  readonly customers: string;
  /** The units file of `sym barometer --units`: headcount, leavers, salary, attribute. */
  readonly units?: string;
  readonly employeeScale?: Scale;
  readonly customerScale?: Scale;
  readonly by?: string;
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
}

/**
 * Unit rows aggregated on the fly from respondent files, read the way `sym barometer` reads them
 * (streaming, header auto-mapping, worker threads for large files), then turned into unit metrics by
 * the engine's `unitRowsFromAggregates`: `enps`, `symmetry`, employee dimension ids,
 * `customer_<dimension>`, `nps`, `customer_n` and `turnover` when the units file has leavers and
 * headcount. Only these aggregates go further (never respondent rows).
 */
export async function unitRowsFromRespondentFiles(sources: RespondentSources, model: Model): Promise<UnitRow[]> {
  const [employees, customers] = await readBothPopulations(
    [
      { file: sources.employees, population: "employees", scale: sources.employeeScale ?? model.scales.employees, unitColumn: sources.by },
      {
        file: sources.customers,
        population: "customers",
        scale: sources.customerScale ?? sources.employeeScale ?? model.scales.customers,
        unitColumn: sources.by,
      },
    ],
    model,
    { onProgress: sources.onProgress },
  );
  const attributes = sources.units === undefined ? [] : readUnitsFile(sources.units, model).units;
  return unitRowsFromAggregates(employees.aggregate, customers.aggregate, model, attributes);
}
