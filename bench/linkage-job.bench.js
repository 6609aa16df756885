#!/usr/bin/env node
"use strict";
/**
 * Linkage job through the API with 1 versus 2 dev-host worker threads: Azurite (in
 * memory) + the compiled dev host with SYM_DEVHOST_WORKERS=1, then =2; each time one `linkage` job
 * of UNITS units, 12 employee metrics × 3 outcomes, Pearson and Spearman, B = 10,000 bootstrap
 * replicates, fanned out in chunks of SYM_LINKAGE_CHUNK_REPLICATES (1,000) over the queue. A short
 * warm-up job runs first on each host (module loading, JIT). The time is from the submission to
 * the first poll that sees `succeeded`, the best of REPEATS jobs (the machine may be shared, and
 * the best run is the one least disturbed); the results must be identical.
 *
 *   node bench/linkage-job.bench.js [UNITS=1000] [REPLICATES=10000] [REPEATS=2]
 *
 * bench/run.js calls `run(context)`, which returns `{ rows, checks }` as its other benches do: it
 * runs this file in a child process (`--json`) and waits for it. `measure(context)` is the same
 * measurement as a promise, in this process.
 */
const { spawn, spawnSync } = require("node:child_process");
const { startAzurite, stopChild } = require("../functions/scripts/azurite.js");
const { buildIfStale, DEV_HOST_ENTRY, root } = require("../functions/scripts/build.js");
const { waitUntilHealthy } = require("./devHostHealth");
const { X_NAMES, Y_NAMES, makeUnits } = require("./syntheticUnits");

const KEY = "bench-linkage-key-0123456789abcdefghijk";
const CHUNK_REPLICATES = 1000;
const JOB_TIMEOUT_MS = 10 * 60 * 1000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function api(base, method, route, body) {
  const response = await fetch(`${base}${route}`, {
    method,
    headers: { "x-sym-key": KEY, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: await response.json() };
}

/** Submits a job and polls it to the end; returns the wall time and the progress values seen. */
async function runJob(base, payload) {
  const started = performance.now();
  const submitted = await api(base, "POST", "/jobs", { kind: "linkage", payload });
  if (submitted.status !== 202) throw new Error(`submission answered ${submitted.status}: ${JSON.stringify(submitted.body)}`);
  const progress = [];
  for (;;) {
    const { body } = await api(base, "GET", `/jobs/${submitted.body.id}`);
    if (progress[progress.length - 1] !== body.progress) progress.push(body.progress);
    if (body.status === "succeeded")
      return { seconds: (performance.now() - started) / 1000, progress, result: body.result, chunks: body.chunks };
    if (body.status === "failed") throw new Error(`linkage job failed: ${JSON.stringify(body.error)}`);
    if (performance.now() - started > JOB_TIMEOUT_MS) throw new Error(`linkage job still ${body.status} after ${JOB_TIMEOUT_MS / 1000} s`);
    await sleep(100);
  }
}

/** One fresh Azurite + dev host with `workers` threads; a warm-up job, then the timed ones. */
async function measure(workers, payload, repeats, log) {
  const azurite = await startAzurite();
  const port = 17000 + Math.floor(Math.random() * 2000);
  const base = `http://127.0.0.1:${port}/api`;
  const host = spawn(process.execPath, [DEV_HOST_ENTRY], {
    cwd: root,
    env: {
      ...process.env,
      AzureWebJobsStorage: azurite.connectionString,
      SYM_API_PORT: String(port),
      SYM_READ_KEY: KEY,
      SYM_ADMIN_KEY: `${KEY}-admin`,
      SYM_KEYS: "",
      SYM_DEVHOST_WORKERS: String(workers),
      SYM_LINKAGE_CHUNK_REPLICATES: String(CHUNK_REPLICATES),
      SYM_MAX_PAYLOAD_BYTES: String(8 * 1024 * 1024),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const threads = new Set();
  let chunkPhase = { start: null, end: null };
  host.stdout.on("data", (chunk) => {
    const text = chunk.toString();
    for (const match of text.matchAll(/"time":"([^"]+)"[^\n]*"worker":(\d+),"message":"job [^"]* chunk \d+ running/g)) {
      threads.add(match[2]);
      chunkPhase.start ??= Date.parse(match[1]);
    }
    for (const match of text.matchAll(/"time":"([^"]+)"[^\n]*chunk\(s\) done; merging/g)) chunkPhase.end = Date.parse(match[1]);
  });
  try {
    await waitUntilHealthy(base, 150);
    await runJob(base, { ...payload, bootstrap: Math.min(payload.bootstrap, 2 * CHUNK_REPLICATES) });
    let best = null;
    for (let repeat = 0; repeat < repeats; repeat++) {
      threads.clear();
      chunkPhase = { start: null, end: null };
      const timed = await runJob(base, payload);
      const chunkSeconds = (chunkPhase.end - chunkPhase.start) / 1000;
      log(
        `linkage job bench: ${workers} worker(s): ${timed.seconds.toFixed(2)} s (chunks ${chunkSeconds.toFixed(2)} s), ${timed.chunks.total} chunks on ${threads.size} thread(s), progress seen ${timed.progress.join(" → ")}`,
      );
      if (best !== null && JSON.stringify(best.result) !== JSON.stringify(timed.result))
        throw new Error("two runs of the same linkage job gave different results");
      if (best === null || timed.seconds < best.seconds) best = { ...timed, chunkSeconds, threads: threads.size };
    }
    return best;
  } finally {
    await stopChild(host);
    await azurite.stop();
  }
}

async function measureJobs(context = {}, out = process.stdout) {
  const log = context.log ?? ((message) => process.stderr.write(`${message}\n`));
  const units = Number(context.units ?? 1000);
  const replicates = Number(context.replicates ?? 10000);
  const repeats = Number(context.repeats ?? 2);
  if (!(units >= 10 && units <= 20000) || !(replicates >= 0 && replicates <= 100000) || !(repeats >= 1 && repeats <= 5)) {
    throw new Error("units must be 10–20,000, replicates 0–100,000 and repeats 1–5");
  }
  buildIfStale(log);
  const payload = {
    units: makeUnits(units),
    x: X_NAMES,
    y: Y_NAMES,
    methods: ["pearson", "spearman"],
    bootstrap: replicates,
    seed: 2024,
    minN: 5,
  };
  const one = await measure(1, payload, repeats, log);
  const two = await measure(2, payload, repeats, log);
  const speedUp = one.seconds / two.seconds;
  const identical = JSON.stringify(one.result) === JSON.stringify(two.result);
  const size = `${units.toLocaleString("en")} units, ${X_NAMES.length} x × ${Y_NAMES.length} y, both methods, B = ${replicates.toLocaleString("en")}`;
  out.write(
    `\nLinkage job through the API (${size}, chunks of ${CHUNK_REPLICATES.toLocaleString("en")}, best of ${repeats}):\n` +
      `  1 worker : ${one.seconds.toFixed(2)} s from submission to result (chunk phase ${one.chunkSeconds.toFixed(2)} s)\n` +
      `  2 workers: ${two.seconds.toFixed(2)} s from submission to result (chunk phase ${two.chunkSeconds.toFixed(2)} s; chunks ran on ${two.threads} threads)\n` +
      `  speed-up : ${speedUp.toFixed(2)}× end to end, ${(one.chunkSeconds / two.chunkSeconds).toFixed(2)}× on the chunk phase (results identical: ${identical ? "yes" : "NO"})\n` +
      `  load average when done: ${require("node:os")
        .loadavg()
        .map((value) => value.toFixed(2))
        .join(" ")} on ${require("node:os").cpus().length} cores\n`,
  );
  return {
    rows: [
      { size, subject: "linkage job, 1 dev-host worker", seconds: one.seconds, peakMegabytes: null, versus: null },
      {
        size,
        subject: "linkage job, 2 dev-host workers",
        seconds: two.seconds,
        peakMegabytes: null,
        versus: speedUp,
        versusNote: "speed-up over 1 worker",
      },
    ],
    checks: [
      { label: "the job's result is the same with 1 and 2 workers", ok: identical },
      {
        label: `2 workers run the chunks on 2 threads and finish faster than 1 (speed-up ${speedUp.toFixed(2)}×)`,
        ok: two.threads === 2 && speedUp > 1,
      },
    ],
  };
}

/** Synchronous entry for bench/run.js: the measurement in a child process, its `{ rows, checks }` back. */
function run(context = {}) {
  const args = [__filename, "--json", String(context.units ?? 1000), String(context.replicates ?? 10000), String(context.repeats ?? 2)];
  const child = spawnSync(process.execPath, args, {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 30 * 60 * 1000,
    maxBuffer: 1 << 26,
  });
  if (context.log) context.log(child.stderr.trimEnd());
  else process.stderr.write(child.stderr);
  if (child.status !== 0) throw new Error(`linkage job bench failed (${child.status ?? child.signal}):\n${child.stderr.slice(-2000)}`);
  return JSON.parse(child.stdout.trim().split("\n").pop());
}

module.exports = {
  name: "linkage-job",
  description: "linkage job through the API, 1 versus 2 dev-host workers",
  run,
  measure: measureJobs,
  makeUnits,
};

if (require.main === module) {
  const json = process.argv[2] === "--json";
  const [units, replicates, repeats] = process.argv.slice(json ? 3 : 2).map(Number);
  const context = { units: units || 1000, replicates: Number.isFinite(replicates) ? replicates : 10000, repeats: repeats || 2 };
  measureJobs(context, json ? process.stderr : process.stdout).then(
    (outcome) => {
      if (json) process.stdout.write(`${JSON.stringify(outcome)}\n`);
      else for (const check of outcome.checks) process.stdout.write(`${check.ok ? "PASS" : "MISS"}  ${check.label}\n`);
    },
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
