#!/usr/bin/env node
"use strict";
/**
 * Load benchmark of the API on loopback: Azurite (in memory) + the compiled dev host, then
 * JOBS barometer jobs submitted by CLIENTS concurrent clients while READERS clients read a model.
 * Prints job throughput (submission of the first job to completion of the last) and the median
 * and p95 latency of GET /api/models/{id}. Bounded: JOBS ≤ 5000, CLIENTS ≤ 200.
 *
 *   node bench/api.bench.js [JOBS=500] [CLIENTS=50] [READERS=2]
 */
const path = require("node:path");
const { spawn } = require("node:child_process");
const { startAzurite, stopChild } = require("../functions/scripts/azurite.js");
const { buildIfStale, DEV_HOST_ENTRY, root } = require("../functions/scripts/build.js");
const { waitUntilHealthy } = require("./devHostHealth");

const jobs = Math.min(5000, Number(process.argv[2] ?? 500));
const clients = Math.min(200, Number(process.argv[3] ?? 50));
const readers = Math.min(20, Number(process.argv[4] ?? 2));
const port = 17000 + Math.floor(Math.random() * 2000);
const key = "bench-key-0123456789abcdefghijklmnopq";
const base = `http://127.0.0.1:${port}/api`;

async function main() {
  buildIfStale((line) => console.log(line));
  const { PopulationAccumulator, DEFAULT_MODEL } = require(path.join(root, "dist", "shared", "src", "index.js"));
  const population = (kind, size) => {
    const dimensions = DEFAULT_MODEL.dimensions.slice(0, 4);
    const accumulator = new PopulationAccumulator({
      population: kind,
      scale: { min: 1, max: 5 },
      items: dimensions.map((d, column) => ({ column, dimension: d.id, reversed: false })),
      recommendationColumn: 4,
    });
    for (let row = 0; row < size; row++)
      accumulator.addRow([1 + (row % 5), 1 + ((row * 3) % 5), 1 + ((row * 7) % 5), 1 + ((row * 11) % 5), row % 11], `unit-${row % 4}`);
    return accumulator.result();
  };
  const payload = { employees: population("employees", 60), customers: population("customers", 80) };

  const azurite = await startAzurite();
  const host = spawn(process.execPath, [DEV_HOST_ENTRY], {
    cwd: root,
    env: {
      ...process.env,
      AzureWebJobsStorage: azurite.connectionString,
      SYM_API_PORT: String(port),
      SYM_READ_KEY: key,
      SYM_ADMIN_KEY: `${key}-admin`,
      SYM_KEYS: "",
      SYM_JOBS_PER_MINUTE: "1000",
      SYM_MAX_CONCURRENT_JOBS: "500",
      SYM_DEVHOST_WORKERS: "2",
      AzureFunctionsJobHost__extensions__queues__batchSize: "16",
      AzureFunctionsJobHost__extensions__queues__newBatchThreshold: "8",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let completions = 0;
  host.stdout.on("data", (chunk) => (completions += (chunk.toString().match(/succeeded after/g) ?? []).length));
  try {
    await waitUntilHealthy(base, 100);
    // A stored model, so each read is a storage round trip (the default model is in memory).
    const model = { ...DEFAULT_MODEL, id: "bench" };
    const created = await fetch(`${base}/models/bench`, {
      method: "PUT",
      headers: { "x-sym-key": `${key}-admin`, "If-None-Match": "*", "content-type": "application/json" },
      body: JSON.stringify(model),
    });
    if (created.status !== 201) throw new Error(`model creation answered ${created.status}`);
    const started = Date.now();
    let reading = true;
    const latencies = [];
    const readerLoops = Array.from({ length: readers }, async () => {
      while (reading) {
        const before = performance.now();
        await (await fetch(`${base}/models/bench`, { headers: { "x-sym-key": key } })).arrayBuffer();
        latencies.push(performance.now() - before);
      }
    });
    let next = 0;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (next < jobs) {
          next += 1;
          const response = await fetch(`${base}/jobs`, {
            method: "POST",
            headers: { "x-sym-key": key, "content-type": "application/json" },
            body: JSON.stringify({ kind: "barometer", payload }),
          });
          if (response.status !== 202) throw new Error(`submission answered ${response.status}`);
          await response.arrayBuffer();
        }
      }),
    );
    while (completions < jobs) await new Promise((resolve) => setTimeout(resolve, 100));
    const seconds = (Date.now() - started) / 1000;
    reading = false;
    await Promise.all(readerLoops);
    latencies.sort((a, b) => a - b);
    const p95 = latencies[Math.min(latencies.length - 1, Math.ceil(0.95 * latencies.length) - 1)];
    console.log(
      `${jobs} jobs, ${clients} clients: ${seconds.toFixed(2)} s, ${(jobs / seconds).toFixed(1)} jobs/s; GET /api/models/{id}: ${latencies.length} reads, median ${latencies[Math.floor(latencies.length / 2)].toFixed(1)} ms, p95 ${p95.toFixed(1)} ms; completions logged ${completions}`,
    );
  } finally {
    await stopChild(host);
    await azurite.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
