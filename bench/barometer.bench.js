"use strict";
/**
 * The barometer at 10 k, 100 k and 1 M respondents per population (11 dimensions × 3 items,
 * eNPS / NPS, unit, manager), on files from samples/generate.js (seeded, cached in bench/out/):
 * - engine: the fold and the barometer on rows already in memory (bench/engine-child.js);
 * - CLI: `sym barometer --json` end to end from the two CSV files, as a child process;
 * - pandas + scipy: bench/barometer_pandas.py on the same files (read, then compute), when
 *   /usr/bin/python3 has pandas and scipy.
 * Targets: engine and CLI faster than pandas + scipy at every size, 1 M respondents
 * under 2 s end to end from CSV, peak memory under 1 GB.
 */
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { generateDataSet, DEFAULT_SEED } = require("../samples/generate");
const { bestOf, measureProcess } = require("./measure");

const OUT = path.join(__dirname, "out");
const CLI = path.join(__dirname, "..", "cli", "bin", "sym.js");
const PYTHON = "/usr/bin/python3";
const DEFAULT_SIZES = [10_000, 100_000, 1_000_000];

function dataSet(size, log) {
  const directory = path.join(OUT, `barometer-${size}`);
  const stamp = path.join(directory, "stamp.json");
  const expected = JSON.stringify({
    size,
    seed: DEFAULT_SEED,
    generator: fs.statSync(path.join(__dirname, "..", "samples", "generate.js")).mtimeMs,
  });
  if (!fs.existsSync(stamp) || fs.readFileSync(stamp, "utf8") !== expected) {
    log(`generating ${size.toLocaleString("en")} employees and customers into ${path.relative(process.cwd(), directory)} …`);
    generateDataSet({
      plain: true,
      employees: size,
      customers: size,
      units: Math.max(10, Math.round(size / 500)),
      out: directory,
      languages: ["en"],
      seed: DEFAULT_SEED,
    });
    fs.writeFileSync(stamp, expected);
  }
  return { employees: path.join(directory, "employees.csv"), customers: path.join(directory, "customers.csv") };
}

function pandasAvailable() {
  if (!fs.existsSync(PYTHON)) return false;
  return spawnSync(PYTHON, ["-c", "import pandas, scipy"], { stdio: "ignore" }).status === 0;
}

module.exports = {
  /** The cached generated files of one size (other benches time other runs on the same files). */
  dataSet,
  name: "barometer",
  description: "sym barometer: engine, CLI end to end from CSV, and pandas + scipy on the same files",
  run(context) {
    const rows = [];
    const checks = [];
    const withPandas = context.pandas && pandasAvailable();
    if (context.pandas && !withPandas) context.log("pandas + scipy not found under /usr/bin/python3: comparison skipped");
    for (const size of context.sizes ?? DEFAULT_SIZES) {
      const files = dataSet(size, context.log);
      const repeats = size >= 1_000_000 ? 2 : 3;
      const respondents = `${size.toLocaleString("en")} + ${size.toLocaleString("en")} respondents`;
      const engine = bestOf(repeats, () => {
        const run = measureProcess(process.execPath, [
          path.join(__dirname, "engine-child.js"),
          files.employees,
          files.customers,
          "columnar",
        ]);
        const timed = JSON.parse(run.stdout);
        return { ...run, seconds: timed.seconds, cpuSeconds: timed.cpuSeconds };
      });
      const cli = bestOf(repeats, () =>
        measureProcess(process.execPath, [CLI, "barometer", "--employees", files.employees, "--customers", files.customers, "--json"]),
      );
      let pandas = null;
      if (withPandas) {
        pandas = bestOf(size >= 1_000_000 ? 1 : repeats, () => {
          const run = measureProcess(PYTHON, [path.join(__dirname, "barometer_pandas.py"), files.employees, files.customers]);
          const { timings } = JSON.parse(run.stdout);
          return { ...run, compute: timings.compute, computeCpu: timings.compute_cpu, total: timings.read + timings.compute };
        });
        const cliIndex = JSON.parse(cli.stdout).symmetryIndex;
        const pandasIndex = JSON.parse(pandas.stdout).result.symmetryIndex;
        checks.push({ label: `${respondents}: CLI and pandas agree on the symmetry index`, ok: Math.abs(cliIndex - pandasIndex) < 1e-9 });
      }
      rows.push({
        size: respondents,
        subject: "engine (fold + barometer, rows in memory)",
        seconds: engine.seconds,
        cpuSeconds: engine.cpuSeconds,
        peakMegabytes: null,
        versus: pandas ? pandas.compute / engine.seconds : null,
        versusNote: "pandas compute",
      });
      rows.push({
        size: respondents,
        subject: "CLI end to end from CSV (process)",
        seconds: cli.seconds,
        cpuSeconds: cli.cpuSeconds,
        peakMegabytes: cli.peakMegabytes,
        versus: pandas ? pandas.seconds / cli.seconds : null,
        versusNote: "pandas whole process",
      });
      if (pandas) {
        rows.push({
          size: respondents,
          subject: "pandas + scipy: whole process",
          seconds: pandas.seconds,
          cpuSeconds: pandas.cpuSeconds,
          peakMegabytes: pandas.peakMegabytes,
          versus: null,
        });
        rows.push({
          size: respondents,
          subject: "pandas + scipy: read + compute (in script)",
          seconds: pandas.total,
          cpuSeconds: null,
          peakMegabytes: pandas.peakMegabytes,
          versus: null,
        });
        rows.push({
          size: respondents,
          subject: "pandas + scipy: compute only",
          seconds: pandas.compute,
          cpuSeconds: pandas.computeCpu,
          peakMegabytes: null,
          versus: null,
        });
        // Wall time of the best run. CPU time is in the table too, but Node's counts its background
        // compiler and GC threads, so it overstates a short single-threaded computation.
        checks.push({
          label: `${respondents}: engine faster than pandas + scipy compute (${engine.seconds.toFixed(3)} s against ${pandas.compute.toFixed(3)} s)`,
          ok: engine.seconds < pandas.compute,
        });
        checks.push({
          label: `${respondents}: CLI faster than pandas + scipy, whole process against whole process`,
          ok: cli.seconds < pandas.seconds,
        });
        checks.push({
          label: `${respondents}: CLI whole process faster than pandas + scipy read + compute alone (stricter: Python's start and imports left out, Node's kept)`,
          ok: cli.seconds < pandas.total,
          informative: true,
        });
      }
      if (size >= 1_000_000)
        checks.push({ label: `${respondents}: CLI under 2 s end to end (${cli.seconds.toFixed(2)} s)`, ok: cli.seconds < 2 });
      if (cli.peakMegabytes !== null)
        checks.push({
          label: `${respondents}: CLI peak memory under 1 GB (${cli.peakMegabytes.toFixed(0)} MB)`,
          ok: cli.peakMegabytes < 1024,
        });
    }
    return { rows, checks };
  },
};
