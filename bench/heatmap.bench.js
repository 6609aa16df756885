"use strict";
/**
 * Heat maps: `sym barometer --by unit --by manager --json` against plain `sym barometer --json` on
 * the same generated files (200,000 and 1,000,000 respondents per population, from
 * samples/generate.js, cached in bench/out/ with the barometer bench). The heat map adds the cells'
 * grouping and the joint suppression of units and managers (each dimension and eNPS too).
 * Target: no more than 1.3× the plain run's wall time, best of runs against best of runs.
 */
const path = require("node:path");
const { dataSet } = require("./barometer.bench");
const { bestOf, measureProcess } = require("./measure");

const CLI = path.join(__dirname, "..", "cli", "bin", "sym.js");
const DEFAULT_SIZES = [200_000, 1_000_000];
const TARGET_RATIO = 1.3;

module.exports = {
  name: "heatmap",
  description: "sym barometer --by unit --by manager against plain sym barometer, same files",
  run(context) {
    const rows = [];
    const checks = [];
    for (const size of context.sizes ?? DEFAULT_SIZES) {
      const files = dataSet(size, context.log);
      const respondents = `${size.toLocaleString("en")} + ${size.toLocaleString("en")} respondents`;
      const base = ["barometer", "--employees", files.employees, "--customers", files.customers, "--json"];
      const repeats = size >= 1_000_000 ? 2 : 3;
      // Alternate the two runs so that a busy spell of the machine hits both alike.
      let plain = null;
      let grouped = null;
      for (let round = 0; round < repeats; round++) {
        const plainRun = bestOf(1, () => measureProcess(process.execPath, [CLI, ...base]));
        const groupedRun = bestOf(1, () => measureProcess(process.execPath, [CLI, ...base, "--by", "unit", "--by", "manager"]));
        if (plain === null || plainRun.seconds < plain.seconds) plain = plainRun;
        if (grouped === null || groupedRun.seconds < grouped.seconds) grouped = groupedRun;
      }
      const heatmap = JSON.parse(grouped.stdout).heatmap;
      const ratio = grouped.seconds / plain.seconds;
      rows.push({
        size: respondents,
        subject: "sym barometer --json (plain)",
        seconds: plain.seconds,
        cpuSeconds: plain.cpuSeconds,
        peakMegabytes: plain.peakMegabytes,
        versus: null,
      });
      rows.push({
        size: respondents,
        subject: "sym barometer --by unit --by manager --json",
        seconds: grouped.seconds,
        cpuSeconds: grouped.cpuSeconds,
        peakMegabytes: grouped.peakMegabytes,
        versus: plain.seconds / grouped.seconds,
        versusNote: "plain / heat map",
      });
      checks.push({
        label: `${respondents}: heat map output has units and managers (${heatmap.map((entry) => `${entry.groups.length} ${entry.by}`).join(", ")})`,
        ok: heatmap.length === 2 && heatmap.every((entry) => entry.groups.length > 0),
      });
      checks.push({
        label: `${respondents}: --by unit --by manager at most ${TARGET_RATIO}× plain (${ratio.toFixed(2)}×: ${grouped.seconds.toFixed(2)} s against ${plain.seconds.toFixed(2)} s)`,
        ok: ratio <= TARGET_RATIO,
      });
    }
    return { rows, checks };
  },
};
