import type { Barometer, PopulationAggregate } from "@symmetry/engine";
import type { MoneyChain, UnitTurnoverFacts } from "@symmetry/engine/priorities/moneyChain";
import type { RespondentMoments } from "@symmetry/engine/priorities/respondentDrivers";

/** What the outputs carry about the money chain: the chain, or why it could not be computed. */
export interface MoneyChainOutput {
  /** The money value of closing each alert, an estimate (associations, not causes). */
  moneyChain?: MoneyChain;
  /** Which link could not be computed although the units carry money figures (the tables say why in words). */
  moneyChainSkipped?: "too-few-respondents" | "too-few-units";
}

/**
 * The money value of closing each alert (docs/domain.md#money-chain), when the units file carries
 * headcount, leavers and salary: the engine's chain over the barometer's alerts, with the
 * respondent regression from the employees' co-moments and the turnover regression on unit eNPS.
 * Nothing when there is no alert or the units carry no money figures; a reason when a link is missing.
 */
export async function alertsMoneyChain(
  barometer: Barometer,
  employees: { aggregate: PopulationAggregate; moments?: RespondentMoments },
  customers: { aggregate: PopulationAggregate },
  units: readonly UnitTurnoverFacts[],
  minGroupSize: number,
  costRatio: number,
): Promise<MoneyChainOutput> {
  const withMoney = units.filter((unit) => unit.headcount !== undefined && unit.leavers !== undefined && unit.salary !== undefined);
  const alerts = barometer.dimensions.filter((dimension) => dimension.status === "alert");
  if (withMoney.length === 0 || alerts.length === 0) return {};
  const { enpsRegression, moneyChain, turnoverOnEnps } = await import("@symmetry/engine/priorities/moneyChain");
  const { welchGapTest } = await import("@symmetry/engine/gap/welch");
  const paired = barometer.dimensions.filter((dimension) => dimension.gap !== null).map((dimension) => dimension.id);
  const regression = employees.moments ? enpsRegression(employees.moments, paired) : null;
  if (!regression) {
    return { moneyChainSkipped: "too-few-respondents" };
  }
  const turnover = turnoverOnEnps(employees.aggregate.units ?? {}, withMoney, minGroupSize);
  if (!turnover) {
    return { moneyChainSkipped: "too-few-units" };
  }
  const gaps = alerts.map((dimension) => {
    const test = welchGapTest(employees.aggregate.dimensions[dimension.id], customers.aggregate.dimensions[dimension.id]);
    return {
      id: dimension.id,
      label: dimension.label,
      gap: test.gap,
      low: test.low,
      high: test.high,
      degreesOfFreedom: test.degreesOfFreedom,
    };
  });
  return { moneyChain: moneyChain(gaps, regression, turnover, { costRatio }) };
}
