"use strict";
/**
 * Synthetic unit aggregates shared by the linkage benches (bench/linkage.bench.js runs them in the
 * engine and numpy, bench/linkage-job.bench.js through the API), and the seeded generator the
 * benches draw their data from, so every run measures the same data.
 */

const X_NAMES = [
  "enps",
  "culture",
  "recognition",
  "information",
  "autonomy",
  "physical",
  "relationship",
  "development",
  "alignment",
  "wellbeing",
  "ethics",
  "horizon",
];
const Y_NAMES = ["nps", "customer_score", "turnover"];

/** Small seeded generator (mulberry32): the same data on every run. */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Synthetic units shaped like the product's: eNPS in whole points, dimension scores on 0–100 with
 * one decimal (so Spearman meets ties), outcomes that depend weakly on a unit factor (Harter et al.
 * 2002 report unit-level correlations around .3).
 */
function makeUnits(count) {
  const random = seededRandom(20240607 + count);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const clamp = (value, low, high) => Math.min(high, Math.max(low, value));
  return Array.from({ length: count }, (_, index) => {
    const factor = normal();
    const metrics = { enps: Math.round(clamp(15 + 30 * (0.6 * factor + 0.8 * normal()), -100, 100)) };
    for (const name of X_NAMES.slice(1)) metrics[name] = Math.round(clamp(62 + 12 * (0.5 * factor + 0.85 * normal()), 0, 100) * 10) / 10;
    metrics.nps = Math.round(clamp(30 + 20 * (0.35 * factor + 0.95 * normal()), -100, 100) * 10) / 10;
    metrics.customer_score = Math.round(clamp(70 + 10 * (0.3 * factor + 0.95 * normal()), 0, 100) * 10) / 10;
    metrics.turnover = Math.round(clamp(0.25 - 0.06 * (0.3 * factor + 0.95 * normal()), 0, 1) * 1000) / 1000;
    return { unit: `U${String(index + 1).padStart(5, "0")}`, employeesN: 5 + Math.floor(random() * 60), metrics };
  });
}

module.exports = { X_NAMES, Y_NAMES, seededRandom, makeUnits };
