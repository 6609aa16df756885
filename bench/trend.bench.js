"use strict";
/**
 * `sym trend` against `sym barometer` on the same files: two waves (2025, 2026) of 200,000
 * employees and 1,000,000 customers each, one CSV per population with a `wave` column (two
 * seeded plain data sets from samples/generate.js, one per wave, cached in bench/out/).
 * Target: the trend within 1.2× the barometer's time (both read every row once; the trend only
 * adds per-wave sums and the tests between waves).
 *
 *   node bench/run.js --only trend [--sizes 20000]   (--sizes: employees per wave; customers ×5)
 */
const fs = require("node:fs");
const path = require("node:path");
const { generateDataSet, DEFAULT_SEED } = require("../samples/generate");
const { bestOf, measureProcess } = require("./measure");

const OUT = path.join(__dirname, "out");
const CLI = path.join(__dirname, "..", "cli", "bin", "sym.js");
const WAVES = ["2025", "2026"];

/** Appends one wave's file to `target` with a leading `wave` column (header written once). */
function appendWave(source, target, wave, first) {
  const text = fs.readFileSync(source, "utf8");
  const lines = text.split("\n");
  const out = [];
  lines.forEach((line, index) => {
    if (line === "") return;
    if (index === 0) {
      if (first) out.push(`wave,${line}`);
    } else out.push(`${wave},${line}`);
  });
  fs.appendFileSync(target, `${out.join("\n")}\n`);
}

function dataSet(employees, log) {
  const customers = employees * 5;
  const directory = path.join(OUT, `trend-${employees}`);
  const stamp = path.join(directory, "stamp.json");
  const expected = JSON.stringify({
    employees,
    customers,
    waves: WAVES,
    seed: DEFAULT_SEED,
    generator: fs.statSync(path.join(__dirname, "..", "samples", "generate.js")).mtimeMs,
  });
  const files = { employees: path.join(directory, "employees.csv"), customers: path.join(directory, "customers.csv") };
  if (!fs.existsSync(stamp) || fs.readFileSync(stamp, "utf8") !== expected) {
    log(
      `generating ${WAVES.length} waves of ${employees.toLocaleString("en")} employees and ${customers.toLocaleString("en")} customers into ${path.relative(process.cwd(), directory)} …`,
    );
    fs.rmSync(directory, { recursive: true, force: true });
    fs.mkdirSync(directory, { recursive: true });
    WAVES.forEach((wave, index) => {
      const waveDirectory = path.join(directory, wave);
      generateDataSet({
        plain: true,
        employees,
        customers,
        units: Math.max(10, Math.round(employees / 500)),
        out: waveDirectory,
        languages: ["en"],
        seed: DEFAULT_SEED + index,
      });
      for (const population of ["employees", "customers"])
        appendWave(path.join(waveDirectory, `${population}.csv`), files[population], wave, index === 0);
      fs.rmSync(waveDirectory, { recursive: true, force: true });
    });
    fs.writeFileSync(stamp, expected);
  }
  return files;
}

module.exports = {
  name: "trend",
  description: "sym trend against sym barometer on the same two-wave files (2 × (200,000 employees + 1,000,000 customers))",
  run(context) {
    const rows = [];
    const checks = [];
    for (const employees of context.sizes ?? [200_000]) {
      const files = dataSet(employees, context.log);
      const size = `${WAVES.length} × (${employees.toLocaleString("en")} + ${(employees * 5).toLocaleString("en")})`;
      const repeats = 3;
      const barometer = bestOf(repeats, () =>
        measureProcess(process.execPath, [CLI, "barometer", "--employees", files.employees, "--customers", files.customers, "--json"]),
      );
      const trend = bestOf(repeats, () =>
        measureProcess(process.execPath, [CLI, "trend", "--employees", files.employees, "--customers", files.customers, "--json"]),
      );
      const waves = JSON.parse(trend.stdout).waves.length;
      checks.push({ label: `${size}: sym trend found the ${WAVES.length} waves`, ok: waves === WAVES.length });
      rows.push({
        size,
        subject: "sym barometer --json (process)",
        seconds: barometer.seconds,
        cpuSeconds: barometer.cpuSeconds,
        peakMegabytes: barometer.peakMegabytes,
        versus: null,
      });
      rows.push({
        size,
        subject: "sym trend --json (process)",
        seconds: trend.seconds,
        cpuSeconds: trend.cpuSeconds,
        peakMegabytes: trend.peakMegabytes,
        versus: barometer.seconds / trend.seconds,
        versusNote: "sym barometer",
      });
      const ratio = trend.seconds / barometer.seconds;
      checks.push({
        label: `${size}: sym trend within 1.2× sym barometer (${ratio.toFixed(2)}×: ${trend.seconds.toFixed(2)} s against ${barometer.seconds.toFixed(2)} s)`,
        ok: ratio <= 1.2,
      });
      // CPU time as well: on a shared machine the wall time of one run can be mostly waiting.
      if (trend.cpuSeconds && barometer.cpuSeconds) {
        const cpuRatio = trend.cpuSeconds / barometer.cpuSeconds;
        checks.push({
          label: `${size}: sym trend CPU within 1.2× sym barometer CPU (${cpuRatio.toFixed(2)}×)`,
          ok: cpuRatio <= 1.2,
          informative: true,
        });
      }
    }
    return { rows, checks };
  },
};
