#!/usr/bin/env node
"use strict";
/**
 * Rewrites relative imports of the engine (`../../shared/src/...`) into imports of the
 * `@symmetry/engine` package, everywhere outside shared/src (inside it, modules import each
 * other relatively, as any package does). Idempotent: a second run changes nothing.
 *
 *   node scripts/codemods/engine-imports.js            rewrite in place, list changed files
 *   node scripts/codemods/engine-imports.js --check    exit 1 and list files that still need it
 *
 * Mapping: shared/src and shared/src/index → @symmetry/engine; shared/src/<folder> and
 * shared/src/<folder>/index → @symmetry/engine/<folder>; shared/src/<folder>/<module> →
 * @symmetry/engine/<folder>/<module> (a deep import keeps start-up cost to that one module).
 */
const fs = require("node:fs");
const path = require("node:path");

const REPOSITORY = path.resolve(__dirname, "..", "..");
const ENGINE_SOURCE = path.join(REPOSITORY, "shared", "src");
const PACKAGE = "@symmetry/engine";
const ROOTS = ["shared/test", "addin", "functions", "cli", "bench", "scripts"];
const SKIP = new Set(["node_modules", "dist", "test-artifacts", "coverage"]);
const EXTENSIONS = /\.(ts|tsx|js|cjs|mjs)$/;
// import … from "x" · export … from "x" · import("x") · require("x") · jest.mock("x")
const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bjest\.(?:mock|requireActual)\s*\(\s*)(["'])(\.{1,2}\/[^"']*)\2/g;

function* sourceFiles(directory) {
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (EXTENSIONS.test(entry.name) && !entry.name.endsWith(".d.ts")) yield full;
  }
}

/** The package specifier for a relative specifier that lands in shared/src, else null. */
function packageSpecifier(file, specifier) {
  const target = path.resolve(path.dirname(file), specifier);
  const relative = path.relative(ENGINE_SOURCE, target);
  if (relative.startsWith("..") || path.isAbsolute(relative)) return null;
  const parts = relative.split(path.sep).filter((part) => part !== "" && part !== "index");
  return parts.length === 0 ? PACKAGE : `${PACKAGE}/${parts.join("/").replace(/\.(ts|tsx|js)$/, "")}`;
}

function rewrite(file) {
  const before = fs.readFileSync(file, "utf8");
  const after = before.replace(SPECIFIER, (whole, lead, quote, specifier) => {
    const replacement = packageSpecifier(file, specifier);
    return replacement === null ? whole : `${lead}${quote}${replacement}${quote}`;
  });
  return { before, after };
}

function main() {
  const check = process.argv.includes("--check");
  const changed = [];
  for (const root of ROOTS) {
    const directory = path.join(REPOSITORY, root);
    if (!fs.existsSync(directory)) continue;
    for (const file of sourceFiles(directory)) {
      const { before, after } = rewrite(file);
      if (before === after) continue;
      changed.push(path.relative(REPOSITORY, file));
      if (!check) fs.writeFileSync(file, after);
    }
  }
  for (const file of changed) process.stdout.write(`${check ? "needs rewrite" : "rewritten"}: ${file}\n`);
  if (check && changed.length > 0) process.exitCode = 1;
}

if (require.main === module) main();
module.exports = { packageSpecifier };
