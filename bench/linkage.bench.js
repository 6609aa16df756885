"use strict";
/**
 * Linkage bench: the engine's cross-unit linkage (dist/shared/src, built by
 * `npm run build:node`) on 100, 1,000 and 5,000 units, 12 employee metrics × 3 outcomes, Pearson and
 * Spearman, B = 10,000 bootstrap replicates. For each size:
 * - engine: one runLinkage in a fresh Node process (its own timer; peak resident memory of the
 *   process from GNU time);
 * - numpy + scipy: the same analysis vectorised (bench/linkage_numpy.py) on the same units written
 *   to bench/out/linkage-<size>/units.csv, when /usr/bin/python3 has numpy and scipy; its compute
 *   time (CSV read excluded, as for the engine) and the ratio numpy / engine (target: above 1 at
 *   every size); point estimates must agree to 1e-9;
 * - the job's fan-out locally: bootstrap chunks of 500 replicates run by 1, then by 2 worker threads
 *   (each plans the request and calls bootstrapChunk on its ranges; the main thread merges with
 *   completeLinkage), the speed-up, and a check that both results equal the single run's.
 *
 * bench/run.js calls `run(context)` ({ rows, checks }); `node bench/linkage.bench.js` runs it alone
 * and prints the table. LINKAGE_BENCH_SIZES (e.g. "100,1000") and LINKAGE_BENCH_REPLICATES shorten
 * a run.
 */
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { Worker, isMainThread, parentPort, workerData } = require("node:worker_threads");
const { measureProcess } = require("./measure");
const { X_NAMES, Y_NAMES, makeUnits } = require("./syntheticUnits");

const ENGINE = path.join(__dirname, "..", "dist", "shared", "src");
const NUMPY_SCRIPT = path.join(__dirname, "linkage_numpy.py");
const OUT = path.join(__dirname, "out");
const PYTHON = "/usr/bin/python3";
const SIZES = (process.env.LINKAGE_BENCH_SIZES || "100,1000,5000").split(",").map(Number);
const REPLICATES = Number(process.env.LINKAGE_BENCH_REPLICATES || 10000);
const CHUNK_SIZE = 500; // replicates per queue message in the job
const PYTHON_TIMEOUT_MS = 30 * 60 * 1000;

function requestFor(units, replicates) {
  return { units, x: X_NAMES, y: Y_NAMES, methods: ["pearson", "spearman"], bootstrap: replicates, seed: 2024, minN: 5 };
}

function writeCsv(units, file) {
  const names = [...X_NAMES, ...Y_NAMES];
  const lines = [["unit", "employees_n", ...names].join(",")];
  for (const unit of units) lines.push([unit.unit, unit.employeesN, ...names.map((name) => unit.metrics[name])].join(","));
  fs.writeFileSync(file, lines.join("\n") + "\n");
}

/** Child process: one runLinkage, its time, and its result for the comparisons. */
function engineChild(requestFile, resultFile) {
  const engine = require(ENGINE);
  const request = JSON.parse(fs.readFileSync(requestFile, "utf8"));
  const started = process.hrtime.bigint();
  const cpuStarted = process.cpuUsage();
  const result = engine.runLinkage(request);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuStarted);
  fs.writeFileSync(resultFile, JSON.stringify(result));
  process.stdout.write(
    JSON.stringify({ seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, peakMb: process.resourceUsage().maxRSS / 1024 }),
  );
}

/** Worker thread: plans the request and computes its bootstrap ranges. */
function bootstrapWorker() {
  const engine = require(ENGINE);
  const plan = engine.planLinkage(workerData.request);
  const chunks = workerData.ranges.map((range) => engine.bootstrapChunk(plan, range.from, range.to));
  parentPort.postMessage(chunks);
}

function runWorker(request, ranges) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: { request, ranges } });
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => code !== 0 && reject(new Error(`bootstrap worker exited with code ${code}`)));
  });
}

/** The job's fan-out on `workers` local threads: ranges dealt round-robin, merged by completeLinkage. */
async function runOnWorkers(engine, request, workers) {
  const started = process.hrtime.bigint();
  const ranges = engine.bootstrapRanges(request.bootstrap, CHUNK_SIZE);
  const shares = Array.from({ length: workers }, (_, worker) => ranges.filter((_, index) => index % workers === worker));
  const chunks = (await Promise.all(shares.map((share) => runWorker(request, share)))).flat();
  const result = engine.completeLinkage(engine.planLinkage(request), chunks);
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, result };
}

/** Child process: the job on 1 then 2 worker threads, each compared with the single run's result. */
async function workersChild(requestFile, resultFile) {
  const engine = require(ENGINE);
  const request = JSON.parse(fs.readFileSync(requestFile, "utf8"));
  const single = fs.readFileSync(resultFile, "utf8");
  const one = await runOnWorkers(engine, request, 1);
  const two = await runOnWorkers(engine, request, 2);
  process.stdout.write(
    JSON.stringify({
      oneSeconds: one.seconds,
      twoSeconds: two.seconds,
      identical: JSON.stringify(one.result) === single && JSON.stringify(two.result) === single,
    }),
  );
}

function numpyAvailable() {
  return fs.existsSync(PYTHON) && spawnSync(PYTHON, ["-c", "import numpy, scipy"], { stdio: "ignore" }).status === 0;
}

function runNumpy(csvFile, replicates) {
  const args = [
    NUMPY_SCRIPT,
    csvFile,
    "--x",
    X_NAMES.join(","),
    "--y",
    Y_NAMES.join(","),
    "--bootstrap",
    String(replicates),
    "--seed",
    "2024",
    "--methods",
    "pearson,spearman",
  ];
  const run = measureProcess(PYTHON, args, { timeout: PYTHON_TIMEOUT_MS });
  const output = JSON.parse(run.stdout);
  return { ...run, output };
}

/** Largest difference between the engine's and numpy's correlation rows on one field. */
function largestDifference(engineRows, numpyRows, field) {
  let largest = 0;
  for (const row of engineRows) {
    const other = numpyRows.find((candidate) => candidate.x === row.x && candidate.y === row.y && candidate.method === row.method);
    largest = Math.max(largest, Math.abs(row[field] - other[field]));
  }
  return largest;
}

const format = (value, digits = 2) => (value === null || value === undefined ? "–" : Number(value).toFixed(digits));

/** One size: engine, numpy, and the job on 1 and 2 worker threads. */
function benchSize(size, withNumpy, log) {
  const directory = path.join(OUT, `linkage-${size}`);
  fs.mkdirSync(directory, { recursive: true });
  const units = makeUnits(size);
  const requestFile = path.join(directory, "request.json");
  const resultFile = path.join(directory, "engine-result.json");
  const csvFile = path.join(directory, "units.csv");
  fs.writeFileSync(requestFile, JSON.stringify(requestFor(units, REPLICATES)));
  writeCsv(units, csvFile);

  log(`linkage: ${size} units, engine …`);
  const engineRun = measureProcess(process.execPath, [__filename, "--engine", requestFile, resultFile]);
  const engine = JSON.parse(engineRun.stdout);
  const result = JSON.parse(fs.readFileSync(resultFile, "utf8"));
  let numpy = null;
  if (withNumpy) {
    log(`linkage: ${size} units, numpy + scipy …`);
    numpy = runNumpy(csvFile, REPLICATES);
  }
  log(`linkage: ${size} units, job on 1 and 2 worker threads …`);
  const workers = JSON.parse(measureProcess(process.execPath, [__filename, "--workers", requestFile, resultFile]).stdout);
  const pointDifference = numpy
    ? Math.max(
        largestDifference(result.correlations, numpy.output.correlations, "r"),
        largestDifference(result.correlations, numpy.output.correlations, "p"),
      )
    : null;
  const bootstrapDifference = numpy
    ? Math.max(
        largestDifference(result.correlations, numpy.output.correlations, "bootLow"),
        largestDifference(result.correlations, numpy.output.correlations, "bootHigh"),
      )
    : null;
  return {
    units: size,
    engineSeconds: engine.seconds,
    engineCpuSeconds: engine.cpuSeconds,
    enginePeakMb: engineRun.peakMegabytes ?? engine.peakMb,
    numpySeconds: numpy ? numpy.output.seconds.compute : null,
    numpyPeakMb: numpy ? (numpy.peakMegabytes ?? numpy.output.peakMb) : null,
    ratio: numpy ? numpy.output.seconds.compute / engine.seconds : null,
    oneWorkerSeconds: workers.oneSeconds,
    twoWorkerSeconds: workers.twoSeconds,
    workerSpeedUp: workers.oneSeconds / workers.twoSeconds,
    identical: workers.identical,
    pointDifference,
    bootstrapDifference,
  };
}

function printTable(measured) {
  const header = [
    "units",
    "engine s",
    "engine MB",
    "numpy s",
    "numpy MB",
    "numpy/engine",
    "1 worker s",
    "2 workers s",
    "speed-up",
    "identical",
    "max |Δr|,|Δp|",
    "max |Δboot|",
  ];
  const lines = measured.map((row) => [
    String(row.units),
    format(row.engineSeconds),
    format(row.enginePeakMb, 0),
    format(row.numpySeconds),
    format(row.numpyPeakMb, 0),
    row.ratio === null ? "–" : `${format(row.ratio, 1)}×`,
    format(row.oneWorkerSeconds),
    format(row.twoWorkerSeconds),
    `${format(row.workerSpeedUp)}×`,
    row.identical ? "yes" : "NO",
    row.pointDifference === null ? "–" : row.pointDifference.toExponential(1),
    format(row.bootstrapDifference, 3),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const render = (cells) => cells.map((cell, column) => cell.padStart(widths[column])).join("  ");
  console.log(
    `\nLinkage: ${X_NAMES.length} x × ${Y_NAMES.length} y, Pearson + Spearman, B = ${REPLICATES.toLocaleString("en")}, job chunks of ${CHUNK_SIZE}`,
  );
  console.log(render(header));
  for (const line of lines) console.log(render(line));
  console.log(
    "numpy/engine above 1: the engine is faster. MB: peak resident memory of the process, runtime included. Δboot: Monte Carlo difference (other generator).",
  );
}

/**
 * The bench as bench/run.js runs it: rows of its table (time, CPU, peak memory, × faster than
 * numpy) and the checks of its targets (top of this file).
 */
function run(context = { pandas: true, log: (message) => process.stderr.write(`${message}\n`) }) {
  if (!fs.existsSync(path.join(ENGINE, "index.js"))) throw new Error("dist/shared/src is missing: run `npm run build:node` first");
  const withNumpy = context.pandas !== false && numpyAvailable();
  if (context.pandas !== false && !withNumpy) context.log(`${PYTHON} with numpy and scipy not found: numpy comparison skipped`);
  const measured = SIZES.map((size) => benchSize(size, withNumpy, context.log));
  const rows = [];
  const checks = [];
  for (const row of measured) {
    const units = `${row.units.toLocaleString("en")} units`;
    rows.push({
      size: units,
      subject: `engine, ${X_NAMES.length} x × ${Y_NAMES.length} y, both methods, B = ${REPLICATES.toLocaleString("en")}`,
      seconds: row.engineSeconds,
      cpuSeconds: row.engineCpuSeconds,
      peakMegabytes: row.enginePeakMb,
      versus: row.ratio,
      versusNote: "numpy + scipy vectorised",
    });
    if (row.numpySeconds !== null) {
      rows.push({
        size: units,
        subject: "numpy + scipy (linkage_numpy.py)",
        seconds: row.numpySeconds,
        cpuSeconds: null,
        peakMegabytes: row.numpyPeakMb,
        versus: null,
      });
    }
    rows.push({
      size: units,
      subject: "job, 1 worker thread",
      seconds: row.oneWorkerSeconds,
      cpuSeconds: null,
      peakMegabytes: null,
      versus: null,
    });
    rows.push({
      size: units,
      subject: `job, 2 worker threads (${format(row.workerSpeedUp)}× vs 1${row.identical ? ", identical results" : ", RESULTS DIFFER"})`,
      seconds: row.twoWorkerSeconds,
      cpuSeconds: null,
      peakMegabytes: null,
      versus: null,
    });
    if (row.ratio !== null)
      checks.push({ label: `linkage engine faster than numpy + scipy at ${units} (${format(row.ratio, 1)}×)`, ok: row.ratio > 1 });
    if (row.pointDifference !== null)
      checks.push({
        label: `linkage point estimates equal numpy + scipy at ${units} (max |Δ| ${row.pointDifference.toExponential(1)})`,
        ok: row.pointDifference <= 1e-9,
      });
    checks.push({ label: `linkage job on 1 and 2 worker threads gives the single run's numbers at ${units}`, ok: row.identical });
  }
  printTable(measured);
  return { rows, checks, measured };
}

module.exports = {
  name: "linkage",
  description: "cross-unit linkage: engine, numpy + scipy on the same units, job on 1 vs 2 worker threads",
  run,
  makeUnits,
};

if (!isMainThread) {
  bootstrapWorker();
} else if (require.main === module) {
  const [mode, first, second] = process.argv.slice(2);
  if (mode === "--engine") engineChild(first, second);
  else if (mode === "--workers") {
    workersChild(first, second).catch((error) => {
      console.error(error);
      process.exitCode = 1;
    });
  } else {
    const { checks } = run();
    for (const check of checks) console.log(`${check.ok ? "PASS" : "MISS"}  ${check.label}`);
  }
}
