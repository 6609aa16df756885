"use strict";
/**
 * Helpers shared by the benches: run a command as a child process and read its wall time, CPU
 * time (user + system, all threads) and peak resident memory (GNU time's "Maximum resident set
 * size"), best of several runs.
 */
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");

const GNU_TIME = "/usr/bin/time";
const hasGnuTime = fs.existsSync(GNU_TIME);

/**
 * Runs `command args` and returns `{ seconds, cpuSeconds, peakMegabytes, stdout }`. Throws when it fails, with
 * its stderr, so a broken bench never prints a time.
 */
function measureProcess(command, args, options = {}) {
  const started = process.hrtime.bigint();
  const run = hasGnuTime
    ? spawnSync(GNU_TIME, ["-f", "__PEAK_KB__ %M %U %S", command, ...args], { encoding: "utf8", maxBuffer: 1 << 28, ...options })
    : spawnSync(command, args, { encoding: "utf8", maxBuffer: 1 << 28, ...options });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${run.status}): ${run.stderr}`);
  const usage = /__PEAK_KB__ (\d+) ([\d.]+) ([\d.]+)/.exec(run.stderr ?? "");
  return {
    seconds,
    cpuSeconds: usage ? Number(usage[2]) + Number(usage[3]) : null,
    peakMegabytes: usage ? Number(usage[1]) / 1024 : null,
    stdout: run.stdout,
  };
}

/** The best (fastest) of `repeats` runs: the least disturbed by whatever else the machine does. */
function bestOf(repeats, measure) {
  let best = null;
  for (let index = 0; index < repeats; index++) {
    const result = measure();
    if (best === null || result.seconds < best.seconds) best = result;
  }
  return best;
}

module.exports = { measureProcess, bestOf, hasGnuTime };
