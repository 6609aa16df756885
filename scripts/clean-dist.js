"use strict";
/**
 * Empties dist/ before `npm run build:node`: the Functions host loads every file matched by
 * package.json `main`, so a compiled file whose source was renamed or removed must not survive a build.
 */
const fs = require("node:fs");
const path = require("node:path");

fs.rmSync(path.join(__dirname, "..", "dist"), { recursive: true, force: true });
