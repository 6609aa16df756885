/**
 * The manifest declares every Office requirement set the add-in's production code uses, at the
 * highest version it uses: derived here from the `[Api set: …]` tags of @types/office-js on each
 * member the code touches (test/support/apiSets.ts), not from a list kept by hand. The start-up
 * check (src/taskpane/requirements.ts) asks Excel for the same sets.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { requirementSetsUsed } from "./support/apiSets";
import { REQUIRED_SETS } from "../src/taskpane/requirements";

const ROOT = path.resolve(__dirname, "..", "..");
const SOURCES = path.join(ROOT, "addin", "src");

function productionFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === "preview" ? [] : productionFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function manifestSets(xml: string): Map<string, string> {
  const requirements = /<Requirements>([\s\S]*?)<\/Requirements>/.exec(xml)?.[1] ?? "";
  return new Map([...requirements.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"\s*\/>/g)].map((match) => [match[1], match[2]]));
}

describe("requirement sets", () => {
  const used = requirementSetsUsed(productionFiles(SOURCES), path.join(ROOT, "tsconfig.json"));
  const declared = manifestSets(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"));

  it("finds the Excel API members the Office.js adapter uses", () => {
    expect(used.get("ExcelApi")).toBeDefined();
    expect(used.get("ExcelApi")!.members.length).toBeGreaterThan(0);
  });

  it("declares in the manifest, at the highest version used, every set the code uses", () => {
    const report = Object.fromEntries(
      [...used].map(([set, use]) => [set, { used: use.version, declared: declared.get(set), by: use.members.slice(0, 3) }]),
    );
    for (const [set, use] of used) expect({ set, declared: declared.get(set) }).toEqual({ set, declared: use.version });
    expect(report).toBeDefined();
  });

  it("checks at start-up exactly the sets the manifest declares", () => {
    expect(new Map(REQUIRED_SETS.map((set) => [set.name, set.version]))).toEqual(declared);
  });
});
