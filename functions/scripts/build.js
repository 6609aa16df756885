"use strict";
/**
 * Builds the function app: functions/src and shared/src compiled into dist/ (functions/tsconfig.build.json).
 *
 * The Functions host loads every file matched by package.json `main` (dist/functions/src/functions/*.js),
 * so a file left in dist/ by an older build — a function since renamed or removed — would be loaded
 * and registered too (Azure/azure-functions-nodejs-worker, src/startApp.ts `loadEntryPointFile`). Hence:
 * - `node functions/scripts/build.js` (npm run functions:build) empties the output directory first;
 * - `buildIfStale` (start-api.js, tests, benches) compiles when a source is newer than the dev host and
 *   always removes compiled files whose source is gone, without emptying dist/ under a process that
 *   may be reading it.
 */
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { resolveEngineImports } = require("../../scripts/build/resolveEngineImports");

const root = path.resolve(__dirname, "..", "..");
const DIST = path.join(root, "dist");
const DEV_HOST_ENTRY = path.join(DIST, "functions", "src", "devhost", "main.js");
/** Source folders compiled into the function app, relative to the repository root. */
const SOURCE_FOLDERS = [path.join("functions", "src"), path.join("shared", "src")];

function newestSource(directory) {
  let newest = 0;
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function compile(outDir) {
  const result = spawnSync(
    process.execPath,
    [
      path.join(root, "node_modules", "typescript", "bin", "tsc"),
      "-p",
      path.join(root, "functions", "tsconfig.build.json"),
      "--outDir",
      outDir,
    ],
    { cwd: root, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" },
  );
  // `@symmetry/engine` imports become relative requires of the engine compiled alongside.
  if (fs.existsSync(path.join(outDir, "shared", "src"))) resolveEngineImports(outDir);
  return result;
}

/**
 * Removes compiled files (`x.js`, `x.js.map`, `x.d.ts`) under `outDir`'s copies of the source folders
 * whose `x.ts` no longer exists. Returns the removed paths, relative to `outDir`.
 */
function pruneOrphans(outDir = DIST) {
  const removed = [];
  const visit = (compiledDirectory, sourceDirectory) => {
    if (!fs.existsSync(compiledDirectory)) return;
    for (const entry of fs.readdirSync(compiledDirectory, { withFileTypes: true })) {
      const compiled = path.join(compiledDirectory, entry.name);
      if (entry.isDirectory()) {
        visit(compiled, path.join(sourceDirectory, entry.name));
        continue;
      }
      const stem = entry.name.replace(/(\.d\.ts|\.js\.map|\.js)$/, "");
      if (stem === entry.name) continue;
      if (!fs.existsSync(path.join(sourceDirectory, `${stem}.ts`)) && !fs.existsSync(path.join(sourceDirectory, `${stem}.tsx`))) {
        fs.rmSync(compiled, { force: true });
        removed.push(path.relative(outDir, compiled));
      }
    }
  };
  for (const folder of SOURCE_FOLDERS) visit(path.join(outDir, folder), path.join(root, folder));
  return removed;
}

/**
 * Empties `outDir` and compiles the function app into it; throws with tsc's output when it fails.
 * @param {string} [outDir]
 */
function cleanBuild(outDir = DIST) {
  fs.rmSync(outDir, { recursive: true, force: true });
  const result = compile(outDir);
  if (result.status !== 0) throw new Error(`tsc failed (${result.status}):\n${result.stdout}${result.stderr}`);
  return outDir;
}

/** @param {(message: string) => void} log */
function buildIfStale(log = () => undefined) {
  for (const file of pruneOrphans()) log(`removed ${file}: its source no longer exists`);
  const sources = Math.max(...SOURCE_FOLDERS.map((folder) => newestSource(path.join(root, folder))));
  if (fs.existsSync(DEV_HOST_ENTRY) && fs.statSync(DEV_HOST_ENTRY).mtimeMs >= sources) return false;
  log("compiling functions/src and shared/src into dist/");
  const result = compile(DIST);
  // tsc still emits when another part of the tree has type errors; only a missing output is fatal.
  if (!fs.existsSync(DEV_HOST_ENTRY)) throw new Error(`compilation produced no dev host:\n${result.stdout}${result.stderr}`);
  if (result.status !== 0) log(`tsc reported errors (output emitted anyway):\n${result.stdout.slice(0, 2000)}`);
  const now = new Date();
  fs.utimesSync(DEV_HOST_ENTRY, now, now);
  return true;
}

module.exports = { buildIfStale, cleanBuild, pruneOrphans, DEV_HOST_ENTRY, root };

if (require.main === module) {
  cleanBuild();
  process.stdout.write(`built the function app into ${path.relative(process.cwd(), DIST) || "."}\n`);
}
