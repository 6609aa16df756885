/**
 * manifest.xml, and the production manifest the build writes from it, validate against the
 * Office add-in manifest XSDs (addin/office-schemas, xmllint); a manifest that breaks the schema
 * is refused, so the check can fail. With a shared runtime, no Action carries a TaskpaneId.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateManifest } = require("../../scripts/manifestSchema") as {
  validateManifest: (xml: string) => { valid: boolean; output: string };
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { manifestFor } = require("../../webpack.config") as { manifestFor: (xml: string, url: string) => string };

const ROOT = path.resolve(__dirname, "..", "..");
const source = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

describe("manifest against the Office add-in XSDs", () => {
  it("manifest.xml validates", () => {
    const result = validateManifest(source);
    expect(result.output).toMatch(/validates/);
    expect(result.valid).toBe(true);
  });

  it("the production manifest (ADDIN_PUBLIC_URL) and a dev manifest on another port validate", () => {
    for (const url of ["https://barometer.example.org/addin", "https://localhost:3443"]) {
      const xml = manifestFor(source, url);
      expect(xml).toContain(url);
      expect(validateManifest(xml)).toEqual({ valid: true, output: expect.stringMatching(/validates/) });
    }
  });

  it("refuses a manifest that breaks the schema", () => {
    const misplaced = source
      .replace("<ProviderName>Symmetry Barometer</ProviderName>", "")
      .replace("</DefaultLocale>", "</DefaultLocale>\n  <ProviderName>Symmetry Barometer</ProviderName>");
    expect(validateManifest(misplaced).valid).toBe(false);
    const badId = validateManifest(source.replace(/<Id>[^<]+<\/Id>/, "<Id>not-a-guid</Id>"));
    expect(badId).toEqual({ valid: false, output: expect.stringMatching(/Id/) });
  });

  it("has no TaskpaneId (shared runtime) and points SupportUrl and LearnMoreUrl at support.html", () => {
    expect(source).not.toMatch(/TaskpaneId/);
    expect(source).toMatch(/<SupportUrl DefaultValue="https:\/\/localhost:3000\/support.html"\/>/);
    expect(source).toMatch(/<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="https:\/\/localhost:3000\/support.html"\/>/);
  });

  it("npm run validate checks the same way and exits 1 on an invalid manifest", () => {
    const ok = spawnSync(process.execPath, [path.join(ROOT, "scripts", "validate-manifest.js")], { cwd: ROOT, encoding: "utf8" });
    expect(ok.stdout).toMatch(/^valid +manifest.xml$/m);
    expect(ok.status).toBe(0);
    // The same script run from a copy of the repository's layout with a broken manifest.
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), "sym-manifest-"));
    try {
      fs.mkdirSync(path.join(copy, "scripts"));
      for (const file of ["validate-manifest.js", "manifestSchema.js"])
        fs.copyFileSync(path.join(ROOT, "scripts", file), path.join(copy, "scripts", file));
      fs.cpSync(path.join(ROOT, "addin", "office-schemas"), path.join(copy, "addin", "office-schemas"), { recursive: true });
      fs.writeFileSync(path.join(copy, "manifest.xml"), source.replace("<Version>1.0.0.0</Version>", "<Version>one</Version>"));
      const broken = spawnSync(process.execPath, [path.join(copy, "scripts", "validate-manifest.js")], { cwd: copy, encoding: "utf8" });
      expect(broken.stdout).toMatch(/INVALID manifest.xml/);
      expect(broken.status).toBe(1);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});
