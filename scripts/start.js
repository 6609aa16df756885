#!/usr/bin/env node
"use strict";
/**
 * `npm start`: the whole product on embedded defaults, for a first look on a fresh machine.
 *
 * 1. Prints the barometer of the bundled EN samples (`sym barometer`, the engine end to end).
 * 2. Starts Azurite + the API (`npm run start:api`: functions/scripts/start-api.js) on
 *    http://localhost:7071/api.
 * 3. Starts the add-in dev server (`npm run start:addin`: webpack serve) on https://localhost:3000
 *    (plain HTTP when no development certificate can be had); opening taskpane.html in a browser
 *    runs the task pane's preview on the bundled samples.
 * 4. Ctrl-C (SIGINT) or SIGTERM stops everything it started.
 *
 * Environment (optional): SYM_START_API=0 or SYM_START_ADDIN=0 skip a part; the parts' own
 * settings (SYM_API_PORT, ADDIN_PORT, ADDIN_HTTP=1, …) pass through.
 */
const { spawn, spawnSync } = require("node:child_process");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const log = (message) => process.stdout.write(`[start] ${message}\n`);
const children = [];

function printSampleBarometer() {
  log(
    "Barometer of the bundled samples (samples/en): sym barometer --employees samples/en/employees.csv --customers samples/en/customers.csv --units samples/en/units.csv",
  );
  const result = spawnSync(
    process.execPath,
    [
      path.join(root, "cli", "bin", "sym.js"),
      "barometer",
      "--employees",
      path.join(root, "samples", "en", "employees.csv"),
      "--customers",
      path.join(root, "samples", "en", "customers.csv"),
      "--units",
      path.join(root, "samples", "en", "units.csv"),
    ],
    { cwd: root, stdio: "inherit" },
  );
  if (result.status !== 0) {
    log(`sym barometer failed (exit ${result.status}); is the project built? Run: npm run build:node`);
    process.exitCode = 1;
  }
}

function startPart(name, args, environment = {}) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...environment },
    stdio: "inherit",
    detached: true, // its own process group, so stopping it also stops what it started
  });
  children.push({ name, child });
  child.on("exit", (code, signal) => {
    log(`${name} stopped (${signal ?? `exit ${code}`})`);
    if (!stopping) stopAll(code ?? 1);
  });
  return child;
}

let stopping = false;
function stopAll(exitCode = 0) {
  if (stopping) return;
  stopping = true;
  for (const { child } of children) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
  }
  const deadline = setTimeout(() => {
    for (const { child } of children) {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
    }
    process.exit(exitCode);
  }, 5000);
  deadline.unref();
  Promise.all(
    children.map(({ child }) =>
      child.exitCode !== null || child.signalCode !== null ? null : new Promise((resolve) => child.once("exit", resolve)),
    ),
  ).then(() => process.exit(exitCode));
}

function main() {
  printSampleBarometer();
  if (process.env.SYM_START_API !== "0") {
    log("starting Azurite + API (npm run start:api) on http://localhost:" + (process.env.SYM_API_PORT || 7071) + "/api");
    startPart("API", [path.join(root, "functions", "scripts", "start-api.js")]);
  }
  if (process.env.SYM_START_ADDIN !== "0") {
    log("starting the add-in dev server (npm run start:addin); it prints its URL when the first build is ready");
    startPart("add-in dev server", [path.join(root, "node_modules", "webpack", "bin", "webpack.js"), "serve", "--mode", "development"]);
  }
  if (children.length === 0) return;
  log(
    "Open taskpane.html from the add-in URL in a browser for the preview on the samples, or sideload manifest.xml in Excel (see README). Ctrl-C stops everything.",
  );
  process.on("SIGINT", () => stopAll(0));
  process.on("SIGTERM", () => stopAll(0));
}

main();
