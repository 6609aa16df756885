#!/usr/bin/env node
"use strict";
// The `sym` binary: runs the CLI compiled by `npm run build:node` (the root `prepare` script runs it on `npm ci`).
const path = require("node:path");
const compiled = path.join(__dirname, "..", "..", "dist", "cli", "src", "main.js");
let cli;
try {
  cli = require(compiled);
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND" && String(error.message).includes(compiled)) {
    process.stderr.write("sym: the CLI is not built yet; run `npm run build:node` (npm ci does it) and try again\n");
    process.exit(2);
  }
  throw error;
}
cli.runFromCommandLine();
