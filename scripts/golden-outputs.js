#!/usr/bin/env node
"use strict";
/**
 * Writes what `sym` prints on the bundled samples into cli/test/fixtures/golden/, so a restructuring
 * can prove the outputs did not move (cli/test/goldenOutputs.test.ts compares byte for byte).
 * Rerun only on purpose, when an output is meant to change, and say why in the commit:
 *   npm run build:node && node scripts/golden-outputs.js
 */
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const repository = path.resolve(__dirname, "..");
const golden = path.join(repository, "cli", "test", "fixtures", "golden");
const { GOLDEN_RUNS } = require(path.join(golden, "runs.js"));

fs.mkdirSync(golden, { recursive: true });
for (const run of GOLDEN_RUNS) {
  const stdout = execFileSync(process.execPath, [path.join(repository, "cli", "bin", "sym.js"), ...run.args], {
    cwd: repository,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  fs.writeFileSync(path.join(golden, run.file), stdout);
  process.stdout.write(`${run.file}: ${stdout.length} characters\n`);
}
