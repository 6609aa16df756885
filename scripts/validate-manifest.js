#!/usr/bin/env node
"use strict";
/**
 * `npm run validate`: manifest.xml, and addin/dist/manifest.xml when a build made one, against the
 * Office add-in manifest XSDs (offline). `--online` also runs Microsoft's
 * `office-addin-manifest validate`, which needs its web service.
 */
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");
const { validateManifest } = require("./manifestSchema");

const root = path.resolve(__dirname, "..");
const manifests = ["manifest.xml", "addin/dist/manifest.xml"].filter((file) => fs.existsSync(path.join(root, file)));
let failed = false;
for (const file of manifests) {
  const { valid, output } = validateManifest(fs.readFileSync(path.join(root, file), "utf8"));
  console.log(`${valid ? "valid  " : "INVALID"} ${file}${valid ? "" : `\n${output}`}`);
  failed ||= !valid;
}
if (process.argv.includes("--online")) {
  const cli = path.join(root, "node_modules", "office-addin-manifest", "cli.js");
  const result = spawnSync(process.execPath, [cli, "validate", "manifest.xml"], { cwd: root, stdio: "inherit" });
  failed ||= result.status !== 0;
}
process.exit(failed ? 1 : 0);
