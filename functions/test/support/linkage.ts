import type { LinkageRequest, UnitRow } from "@symmetry/engine";
import { seededRandom } from "./seededRandom";

/**
 * Synthetic unit aggregates: eNPS in whole points, dimension scores with one decimal (so Spearman
 * meets ties), customer NPS and turnover weakly tied to a unit factor, headcount, leavers, salary.
 * A few units fall under the confidentiality threshold (employeesN < 5).
 */
export function syntheticUnits(count: number, seed: number): UnitRow[] {
  const random = seededRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Array.from({ length: count }, (_, index) => {
    const factor = normal();
    const headcount = 10 + Math.floor(random() * 40);
    return {
      unit: `U${String(index + 1).padStart(4, "0")}`,
      employeesN: index % 17 === 3 ? 3 : 5 + Math.floor(random() * 30),
      headcount,
      leavers: Math.round(headcount * Math.max(0, 0.25 - 0.05 * factor + 0.05 * normal())),
      salary: 30000 + Math.round(random() * 10000),
      metrics: {
        enps: Math.round(15 + 30 * (0.6 * factor + 0.8 * normal())),
        culture: Math.round((62 + 12 * (0.5 * factor + 0.85 * normal())) * 10) / 10,
        recognition: Math.round((58 + 12 * (0.4 * factor + 0.9 * normal())) * 10) / 10,
        nps: Math.round((30 + 20 * (0.35 * factor + 0.95 * normal())) * 10) / 10,
        customer_score: Math.round((70 + 10 * (0.3 * factor + 0.95 * normal())) * 10) / 10,
      },
    };
  });
}

/** A linkage request exercising every part of the result: both methods, bootstrap, drivers, turnover. */
export function linkageRequest(units: UnitRow[], bootstrap: number, seed = 7): LinkageRequest {
  return {
    units,
    x: ["enps", "culture", "recognition"],
    y: ["nps", "customer_score"],
    methods: ["pearson", "spearman"],
    bootstrap,
    seed,
    drivers: { minUnits: 25 },
    turnover: { x: "enps", costRatio: 0.5, deltaPoints: 5 },
  };
}
