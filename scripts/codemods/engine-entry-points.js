#!/usr/bin/env node
"use strict";
/**
 * Writes the engine's entry points: shared/src/<folder>/index.ts re-exporting every module of the
 * folder, and the `exports` map of shared/package.json listing them. Idempotent; run it after
 * adding a module or a folder to shared/src (`--check` exits 1 when something is out of date).
 * Folders whose name starts with `_` are internal and get no entry point.
 */
const fs = require("node:fs");
const path = require("node:path");

const ENGINE = path.resolve(__dirname, "..", "..", "shared");
const SOURCE = path.join(ENGINE, "src");

function entryPoint(folder) {
  const modules = fs
    .readdirSync(path.join(SOURCE, folder))
    .filter((name) => name.endsWith(".ts") && name !== "index.ts")
    .map((name) => name.slice(0, -3))
    .sort();
  const lines = [`/** Entry point \`@symmetry/engine/${folder}\`: everything the engine's ${folder} modules export. */`];
  for (const module of modules) lines.push(`export * from "./${module}";`);
  return `${lines.join("\n")}\n`;
}

function main() {
  const check = process.argv.includes("--check");
  const stale = [];
  const write = (file, text) => {
    if (fs.existsSync(file) && fs.readFileSync(file, "utf8") === text) return;
    stale.push(path.relative(process.cwd(), file));
    if (!check) fs.writeFileSync(file, text);
  };
  const folders = fs
    .readdirSync(SOURCE, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("_"))
    .map((entry) => entry.name)
    .sort();
  for (const folder of folders) write(path.join(SOURCE, folder, "index.ts"), entryPoint(folder));

  const packageFile = path.join(ENGINE, "package.json");
  const manifest = JSON.parse(fs.readFileSync(packageFile, "utf8"));
  const exportsMap = { ".": "./src/index.ts", "./errors": "./src/errors.ts" };
  for (const folder of folders) exportsMap[`./${folder}`] = `./src/${folder}/index.ts`;
  exportsMap["./*"] = "./src/*.ts";
  manifest.exports = exportsMap;
  write(packageFile, `${JSON.stringify(manifest, null, 2)}\n`);

  for (const file of stale) process.stdout.write(`${check ? "out of date" : "written"}: ${file}\n`);
  if (check && stale.length > 0) process.exitCode = 1;
}

main();
