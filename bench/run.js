#!/usr/bin/env node
"use strict";
/**
 * `npm run bench` (which builds first): runs every bench listed in bench/benches.js and prints one
 * table per bench (time, peak memory, speed-up against pandas + scipy) and its target checks.
 *
 *   node bench/run.js [--sizes 10000,100000,1000000] [--only barometer,linkage] [--no-pandas] [--strict]
 *
 * Times are the best of several runs: the machine may be shared, and the best run is the one least
 * disturbed. Generated data goes to bench/out/ (git-ignored) and is reused while the generator and
 * the size are unchanged. With --strict, a missed target makes the exit code 1 (checks marked
 * `informative` are printed as notes and never fail).
 */
const benches = require("./benches");

function parseArguments(argv) {
  // Each bench has its own default sizes; --sizes overrides them all.
  const options = { sizes: undefined, only: null, pandas: true, strict: false };
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index];
    if (flag === "--sizes") options.sizes = argv[++index].split(",").map(Number);
    else if (flag === "--only") options.only = argv[++index].split(",");
    else if (flag === "--no-pandas") options.pandas = false;
    else if (flag === "--strict") options.strict = true;
    else throw new Error(`unknown option ${flag} (use --sizes, --only, --no-pandas, --strict)`);
  }
  if (options.sizes && options.sizes.some((size) => !Number.isInteger(size) || size < 1))
    throw new Error("--sizes expects whole numbers separated by commas");
  return options;
}

function formatTable(rows) {
  const header = ["Size", "Measure", "Wall (s)", "CPU (s)", "Peak RSS (MB)", "Speed-up (against)"];
  const lines = rows.map((row) => [
    row.size,
    row.subject,
    row.seconds.toFixed(3),
    row.cpuSeconds === null || row.cpuSeconds === undefined ? "–" : row.cpuSeconds.toFixed(3),
    row.peakMegabytes === null || row.peakMegabytes === undefined ? "–" : row.peakMegabytes.toFixed(0),
    row.versus === null || row.versus === undefined ? "–" : `${row.versus.toFixed(1)}× (${row.versusNote})`,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const render = (cells) =>
    `| ${cells.map((cell, column) => (column >= 2 && column <= 4 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join(" | ")} |`;
  return [
    render(header),
    `|${widths.map((width, column) => (column >= 2 && column <= 4 ? `${"-".repeat(width + 1)}:` : "-".repeat(width + 2))).join("|")}|`,
    ...lines.map(render),
  ].join("\n");
}

function main() {
  const options = parseArguments(process.argv.slice(2));
  const context = { sizes: options.sizes, pandas: options.pandas, log: (message) => process.stderr.write(`${message}\n`) };
  let missed = 0;
  const os = require("node:os");
  process.stdout.write(
    `Machine: ${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ""}, Node ${process.version}; load average at start ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(" ")}\n`,
  );
  for (const bench of benches) {
    if (options.only && !options.only.includes(bench.name)) continue;
    process.stdout.write(`\n## ${bench.name}: ${bench.description}\n\n`);
    const { rows, checks } = bench.run(context);
    // A bench may print its own table (formatTable export); the common one fits the rows above.
    process.stdout.write(`${typeof bench.formatTable === "function" ? bench.formatTable(rows) : formatTable(rows)}\n\n`);
    for (const check of checks) {
      if (!check.ok && !check.informative) missed++;
      const verdict = check.ok ? "PASS" : check.informative ? "note" : "MISS";
      process.stdout.write(`${verdict}  ${check.label}\n`);
    }
  }
  if (options.strict && missed > 0) process.exitCode = 1;
}

main();
