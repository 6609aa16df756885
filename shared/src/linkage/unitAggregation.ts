import { z } from "zod";
import { countTotal, netPromoterScore } from "../nps/nps";
import { symmetryIndex } from "../gap/symmetryIndex";
import type { Model } from "../model/schemas";
import type { GroupAggregate, PopulationAggregate } from "../barometer/aggregate";
import type { UnitRow } from "./schemas";

/** A row of the Units sheet: headcount, leavers and salary of a unit (optionally per wave). */
export const UnitAttributesSchema = z.strictObject({
  unit: z.string().min(1),
  wave: z.string().min(1).optional(),
  headcount: z.number().finite().min(0).optional(),
  leavers: z.number().finite().min(0).optional(),
  salary: z.number().finite().min(0).optional(),
  attribute: z.string().optional(),
});
export type UnitAttributes = z.infer<typeof UnitAttributesSchema>;

/** Prefix of customer dimension scores among unit metrics (`customer_recognition`). */
export const CUSTOMER_METRIC_PREFIX = "customer_";

/**
 * Unit metrics from respondent aggregates, per unit (and per wave when the sources have waves):
 * employee dimension scores (`recognition`…), `enps`, `symmetry` (the unit's symmetry index over
 * the dimensions both populations answered), customer dimension scores (`customer_recognition`…),
 * `nps`, `customer_n`, and `turnover` (leavers / headcount) from the Units sheet. Units with fewer
 * employee respondents than the threshold are kept here with their count; the analysis leaves
 * them out and counts them (`employeesN`).
 */
export function unitRowsFromAggregates(
  employees: PopulationAggregate,
  customers: PopulationAggregate,
  model: Model,
  attributes: readonly UnitAttributes[] = [],
): UnitRow[] {
  const employeeWaves = Object.keys(employees.waves ?? {});
  // Customers surveyed without waves are matched to every employee wave of their unit.
  const customersHaveWaves = Object.keys(customers.waves ?? {}).length > 0;
  const layers: { wave?: string; employees: Record<string, GroupAggregate>; customers: Record<string, GroupAggregate> }[] =
    employeeWaves.length > 0
      ? employeeWaves.map((wave) => ({
          wave,
          employees: employees.waves[wave],
          customers: customersHaveWaves ? (customers.waves[wave] ?? {}) : (customers.units ?? {}),
        }))
      : [{ employees: employees.units ?? {}, customers: customers.units ?? {} }];
  const attributeOf = new Map(attributes.map((row) => [`${row.unit}\u0000${row.wave ?? ""}`, row]));
  const rows: UnitRow[] = [];
  for (const layer of layers) {
    for (const unit of Object.keys(layer.employees).sort((a, b) => a.localeCompare(b))) {
      const employeeGroup = layer.employees[unit];
      const customerGroup = layer.customers[unit];
      const metrics: Record<string, number | null> = {};
      const gaps: number[] = [];
      const weights: number[] = [];
      for (const dimension of model.dimensions) {
        const employeeScore = employeeGroup.dimensions[dimension.id];
        const customerScore = customerGroup?.dimensions[dimension.id];
        if (employeeScore) metrics[dimension.id] = employeeScore.n > 0 ? employeeScore.mean : null;
        if (customerScore) metrics[`${CUSTOMER_METRIC_PREFIX}${dimension.id}`] = customerScore.n > 0 ? customerScore.mean : null;
        if (employeeScore?.n && customerScore?.n) {
          gaps.push(employeeScore.mean - customerScore.mean);
          weights.push(dimension.weight);
        }
      }
      metrics.enps = countTotal(employeeGroup.recommendation) > 0 ? netPromoterScore(employeeGroup.recommendation) : null;
      metrics.symmetry = gaps.length > 0 ? symmetryIndex(gaps, weights) : null;
      metrics.nps = customerGroup && countTotal(customerGroup.recommendation) > 0 ? netPromoterScore(customerGroup.recommendation) : null;
      metrics.customer_n = customerGroup?.n ?? 0;
      const attribute = attributeOf.get(`${unit}\u0000${layer.wave ?? ""}`) ?? attributeOf.get(`${unit}\u0000`);
      if (attribute?.leavers !== undefined && attribute.headcount) metrics.turnover = attribute.leavers / attribute.headcount;
      rows.push({
        unit,
        ...(layer.wave !== undefined ? { wave: layer.wave } : {}),
        employeesN: employeeGroup.n,
        ...(attribute?.headcount !== undefined ? { headcount: attribute.headcount } : {}),
        ...(attribute?.leavers !== undefined ? { leavers: attribute.leavers } : {}),
        ...(attribute?.salary !== undefined ? { salary: attribute.salary } : {}),
        metrics,
      });
    }
  }
  return rows;
}
