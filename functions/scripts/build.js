"use strict";
/**
 * Compiles functions/src and shared/src into dist/ (functions/tsconfig.build.json) when a source
 * is newer than the compiled dev host. Used by start-api.js and the end-to-end tests.
 */
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..", "..");
const DEV_HOST_ENTRY = path.join(root, "dist", "functions", "src", "devhost", "main.js");

function newestSource(directory) {
  let newest = 0;
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** @param {(message: string) => void} log */
function buildIfStale(log = () => undefined) {
  const sources = Math.max(newestSource(path.join(root, "functions", "src")), newestSource(path.join(root, "shared", "src")));
  if (fs.existsSync(DEV_HOST_ENTRY) && fs.statSync(DEV_HOST_ENTRY).mtimeMs >= sources) return false;
  log("compiling functions/src and shared/src into dist/");
  const result = spawnSync(process.execPath, [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", path.join(root, "functions", "tsconfig.build.json")], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
  });
  // tsc still emits when another part of the tree has type errors; only a missing output is fatal.
  if (!fs.existsSync(DEV_HOST_ENTRY)) throw new Error(`compilation produced no dev host:\n${result.stdout}${result.stderr}`);
  if (result.status !== 0) log(`tsc reported errors (output emitted anyway):\n${result.stdout.slice(0, 2000)}`);
  const now = new Date();
  fs.utimesSync(DEV_HOST_ENTRY, now, now);
  return true;
}

module.exports = { buildIfStale, DEV_HOST_ENTRY, root };
