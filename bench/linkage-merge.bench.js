"use strict";
/**
 * Memory of a linkage job's workers at the limits (shared/src/linkage/limits.ts), each phase in a
 * fresh Node process over the built engine (dist/shared/src), peak resident memory from GNU time:
 * - merge: B = 100,000 replicates of 256 pairs (16 x × 16 y, Pearson; the default bootstrap-work
 *   cap of 25.6 million) on 20,000 units (the unit limit), 100 chunks of 1,000 replicates folded
 *   one at a time into BootstrapMerge, as the merger streams them from blob storage. The chunks'
 *   summaries are made in the child from seeded synthetic replicates (the merge's memory depends
 *   on the summaries' size, not on their values), serialised and parsed as the blobs are;
 * - chunk: one chunk worker on the same plan, bootstrapChunk of 200 replicates and its summary;
 * - chunk timing for the scale note: 10,000 units, 12 x × 3 y × 2 methods (72 series), 200
 *   replicates, so that docs/deploy-azure.md can extrapolate a B = 100,000 job.
 * Target: every phase under 512 MB.
 *
 *   node bench/linkage-merge.bench.js            (after npm run build:node)
 */
const fs = require("node:fs");
const path = require("node:path");
const { measureProcess } = require("./measure");
const { seededRandom, X_NAMES, Y_NAMES, makeUnits } = require("./syntheticUnits");

const ENGINE = path.join(__dirname, "..", "dist", "shared", "src");
const LIMIT_MB = 512;

/** The widest request the limits allow: 16 × 16 metrics on `units` units, B = 100,000. */
function widestRequest(unitCount) {
  const random = seededRandom(7);
  const x = Array.from({ length: 16 }, (_, index) => `x${index}`);
  const y = Array.from({ length: 16 }, (_, index) => `y${index}`);
  const units = Array.from({ length: unitCount }, (_, index) => ({
    unit: `U${index}`,
    employeesN: 10 + (index % 40),
    metrics: Object.fromEntries([...x, ...y].map((name) => [name, Math.round(random() * 1000) / 10])),
  }));
  return { units, x, y, methods: ["pearson"], bootstrap: 100_000, seed: 3, minN: 5 };
}

function mergeChild(unitCount) {
  const engine = require(ENGINE);
  const plan = engine.planLinkage(widestRequest(unitCount));
  const merge = new engine.BootstrapMerge(plan);
  const random = seededRandom(11);
  const series = plan.pairs.length * plan.request.methods.length;
  const started = process.hrtime.bigint();
  for (let from = 0; from < plan.request.bootstrap; from += 1000) {
    const length = Math.min(1000, plan.request.bootstrap - from);
    const chunk = {
      from,
      to: from + length,
      correlations: Array.from({ length: series }, () => Array.from({ length }, () => Math.tanh(random() - 0.5))),
      drivers: [],
    };
    // As a blob: the worker writes the summary's JSON, the merger parses it.
    merge.add(JSON.parse(JSON.stringify(engine.summariseBootstrapChunk(plan, chunk))));
  }
  const result = merge.complete();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(JSON.stringify({ seconds, rows: result.correlations.length }));
}

function chunkChild(unitCount, shape) {
  const engine = require(ENGINE);
  const request =
    shape === "widest"
      ? widestRequest(unitCount)
      : { units: makeUnits(unitCount), x: X_NAMES, y: Y_NAMES, methods: ["pearson", "spearman"], bootstrap: 100_000, seed: 2024, minN: 5 };
  const planned = process.hrtime.bigint();
  const plan = engine.planLinkage(request);
  const started = process.hrtime.bigint();
  const summary = engine.summariseBootstrapChunk(plan, engine.bootstrapChunk(plan, 0, 200));
  const ended = process.hrtime.bigint();
  process.stdout.write(
    JSON.stringify({
      planSeconds: Number(started - planned) / 1e9,
      seconds: Number(ended - started) / 1e9,
      series: summary.correlations.length,
    }),
  );
}

function run(context = { log: () => undefined }) {
  if (!fs.existsSync(path.join(ENGINE, "index.js"))) throw new Error("dist/shared/src is missing: run `npm run build:node` first");
  const rows = [];
  const checks = [];
  const phases = [
    { subject: "merge: B = 100,000, 256 pairs, 100 chunks streamed", args: ["merge", "20000"], size: 20_000 },
    { subject: "chunk worker: 256 pairs, 200 replicates", args: ["chunk", "20000", "widest"], size: 20_000 },
    { subject: "chunk worker: 72 series, 200 replicates (scale note)", args: ["chunk", "10000", "typical"], size: 10_000 },
  ];
  for (const phase of phases) {
    context.log(`linkage-merge: ${phase.subject} on ${phase.size} units`);
    const measured = measureProcess(process.execPath, ["--max-old-space-size=4096", __filename, ...phase.args]);
    const own = JSON.parse(measured.stdout);
    rows.push({
      size: phase.size,
      subject: phase.subject,
      seconds: own.seconds,
      cpuSeconds: measured.cpuSeconds,
      peakMegabytes: measured.peakMegabytes,
      versus: null,
    });
    if (measured.peakMegabytes !== null) {
      checks.push({
        ok: measured.peakMegabytes < LIMIT_MB,
        message: `${phase.subject}: peak ${measured.peakMegabytes.toFixed(0)} MB (target < ${LIMIT_MB} MB)`,
      });
    }
    if (phase.args[2] === "typical") {
      const perReplicate = own.seconds / 200;
      checks.push({
        ok: true,
        informative: true,
        message: `scale note: ${(perReplicate * 1000).toFixed(2)} ms a replicate at 10,000 units × 72 series, so B = 100,000 is ${((perReplicate * 100_000) / 60).toFixed(1)} CPU-minutes of chunks (plan ${own.planSeconds.toFixed(2)} s)`,
      });
    }
  }
  return { rows, checks };
}

module.exports = {
  name: "linkage-merge",
  description:
    "linkage job memory at the limits: the streamed merge at B = 100,000 × 256 pairs, a chunk worker, and the per-replicate cost for the scale note",
  run,
};

if (require.main === module) {
  const [phase, units, shape] = process.argv.slice(2);
  if (phase === "merge") mergeChild(Number(units));
  else if (phase === "chunk") chunkChild(Number(units), shape);
  else {
    const { rows, checks } = run({ log: (line) => process.stderr.write(`${line}\n`) });
    for (const row of rows)
      process.stdout.write(
        `${row.subject} (${row.size} units): ${row.seconds.toFixed(2)} s, CPU ${row.cpuSeconds?.toFixed(2)} s, peak ${row.peakMegabytes?.toFixed(0)} MB\n`,
      );
    for (const check of checks) process.stdout.write(`${check.ok ? (check.informative ? "note" : "PASS") : "MISS"} ${check.message}\n`);
  }
}
