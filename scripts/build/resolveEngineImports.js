"use strict";
/**
 * After `tsc` compiles the CLI and the function app, their `require("@symmetry/engine/...")` calls
 * are rewritten into relative requires of the engine compiled next to them (dist/shared/src/...).
 * TypeScript keeps import specifiers as written, and Node cannot load the package's TypeScript
 * sources; resolving at build time gives one copy of every engine module at run time (so
 * `instanceof SymError` holds whether a file imported the package or a relative path) and costs
 * nothing at start-up.
 *
 *   node scripts/build/resolveEngineImports.js <outDir>     (outDir holds shared/src/...)
 */
const fs = require("node:fs");
const path = require("node:path");

const PACKAGE_REQUIRE = /\brequire\((["'])@symmetry\/engine((?:\/[^"']+)?)\1\)/g;

function* compiledFiles(directory) {
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) yield* compiledFiles(full);
    else if (entry.name.endsWith(".js")) yield full;
  }
}

/** The compiled file a package subpath names: a module (`x.js`) or a folder's entry point (`x/index.js`). */
function engineTarget(engineDirectory, subpath) {
  const base = path.join(engineDirectory, subpath);
  if (fs.existsSync(`${base}.js`)) return `${base}.js`;
  if (fs.existsSync(path.join(base, "index.js"))) return path.join(base, "index.js");
  return null;
}

/** Rewrites every compiled file under `outDir`; returns how many requires were rewritten. */
function resolveEngineImports(outDir) {
  const engineDirectory = path.join(outDir, "shared", "src");
  if (!fs.existsSync(engineDirectory)) throw new Error(`${engineDirectory} does not exist: compile the engine with the app`);
  let rewritten = 0;
  for (const file of compiledFiles(outDir)) {
    const before = fs.readFileSync(file, "utf8");
    if (!before.includes("@symmetry/engine")) continue;
    const after = before.replace(PACKAGE_REQUIRE, (whole, quote, subpath) => {
      const target = engineTarget(engineDirectory, subpath);
      if (target === null) throw new Error(`${path.relative(outDir, file)}: @symmetry/engine${subpath} is not a compiled engine module`);
      let relative = path.relative(path.dirname(file), target).split(path.sep).join("/");
      if (!relative.startsWith(".")) relative = `./${relative}`;
      rewritten++;
      return `require(${quote}${relative}${quote})`;
    });
    if (after !== before) fs.writeFileSync(file, after);
  }
  return rewritten;
}

if (require.main === module) {
  const outDir = path.resolve(process.argv[2] ?? "dist");
  resolveEngineImports(outDir);
}

module.exports = { resolveEngineImports };
