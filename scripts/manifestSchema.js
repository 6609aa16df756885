"use strict";
/**
 * Validates an add-in manifest against the Office add-in manifest XSDs kept in
 * addin/office-schemas (from OfficeDev/office-js-docs-pr, docs/overview/schemas/taskpane), with
 * xmllint (Debian libxml2-utils). Offline: Microsoft's `office-addin-manifest validate` calls a web
 * service. Used by `npm run validate` and by the manifest tests.
 */
const { spawnSync } = require("node:child_process");
const path = require("node:path");

const SCHEMA = path.resolve(__dirname, "..", "addin", "office-schemas", "OfficeAppManifestV1_1.xsd");

/** @returns {{ valid: boolean, output: string }} xmllint's verdict on the manifest text. */
function validateManifest(xml) {
  const result = spawnSync("xmllint", ["--noout", "--nonet", "--schema", SCHEMA, "-"], { input: xml, encoding: "utf8" });
  if (result.error) throw new Error(`xmllint could not run (${result.error.message}): install Debian's libxml2-utils`);
  return { valid: result.status === 0, output: `${result.stdout}${result.stderr}`.trim() };
}

module.exports = { validateManifest, SCHEMA };
