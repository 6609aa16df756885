#!/usr/bin/env node
"use strict";
/**
 * `npm run start:excel [-- web --document <url>]`: sideloads the add-in in Excel with Microsoft's
 * office-addin-debugging, the dev server started by it on ADDIN_PORT (default 3000), HTTPS only.
 * `npm run stop`: unloads it and stops the dev server.
 *
 * The manifest sideloaded is manifest.xml with its URLs on the dev server's port
 * (.addin-dev/manifest.xml), so port and manifest always agree. Desktop Excel (Windows, Mac) is the
 * default target; `web` opens Excel on the web with --document. On Linux office-addin-debugging
 * cannot sideload: upload the manifest in Excel on the web by hand.
 */
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const root = path.resolve(__dirname, "..");
const sideloaded = path.join(root, ".addin-dev", "manifest.xml");
const debugging = path.join(root, "node_modules", "office-addin-debugging", "cli.js");

function fail(message) {
  console.error(message);
  process.exit(1);
}

function hasHttpsCertificate() {
  try {
    return require("office-addin-dev-certs").verifyCertificates();
  } catch {
    return false;
  }
}

function writeManifest(port) {
  const { manifestFor } = require("../webpack.config");
  const xml = manifestFor(fs.readFileSync(path.join(root, "manifest.xml"), "utf8"), `https://localhost:${port}`);
  fs.mkdirSync(path.dirname(sideloaded), { recursive: true });
  fs.writeFileSync(sideloaded, xml);
}

function run(args) {
  const result = spawnSync(process.execPath, [debugging, ...args], { cwd: root, stdio: "inherit", env: process.env });
  process.exit(result.status ?? 1);
}

const [command, ...rest] = process.argv.slice(2);
if (command === "stop") {
  if (!fs.existsSync(sideloaded)) fail("Nothing to stop: `npm run start:excel` has not sideloaded the add-in.");
  run(["stop", sideloaded]);
} else if (command === "start") {
  const { developmentPort } = require("../webpack.config");
  const port = developmentPort();
  if (!hasHttpsCertificate()) {
    fail(
      [
        "Excel only loads add-ins over HTTPS, and no trusted development certificate is installed.",
        "Install one with `npm run dev-certs`, then run `npm run start:excel` again.",
        "(`npm start` still serves the browser preview over plain HTTP.)",
      ].join("\n"),
    );
  }
  writeManifest(port);
  const platform = rest[0] && !rest[0].startsWith("-") ? rest[0] : "desktop";
  const options = rest.filter((argument, index) => !(index === 0 && argument === platform));
  run(["start", sideloaded, platform, "--dev-server", "npm run start:addin", "--dev-server-port", String(port), ...options]);
} else {
  fail("usage: node scripts/excel.js start [desktop|web] [--document <url>] | stop");
}
