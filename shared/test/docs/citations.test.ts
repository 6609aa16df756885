/**
 * Every citation of a docs page by anchor (`docs/domain.md#welch-gap` in code, `domain.md#gap` or
 * `(#gap)` between docs pages) must land on an anchor that exists. Anchors are HTML (`<a id>`)
 * because GitHub shows `{#id}` heading attributes as text; GitHub's own heading slugs count too.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../../..");
const DOCS = path.join(ROOT, "docs");
const SCANNED = ["shared", "addin", "functions", "cli", "docs", "bench", "scripts", "samples", ".vscode"];
const SKIPPED = new Set(["node_modules", "dist", "test-artifacts", "large", ".git"]);
const TEXT = /\.(ts|tsx|js|cjs|mjs|py|md|json|html|R|sh)$/;

function files(directory: string): string[] {
  if (!fs.existsSync(directory)) return [];
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return SKIPPED.has(entry.name) ? [] : files(full);
    return TEXT.test(entry.name) && fs.statSync(full).size < 2_000_000 ? [full] : [];
  });
}

/** GitHub's slug of a heading: tags and code marks dropped, lower case, punctuation removed, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .replace(/<[^>]+>/g, "")
    .replace(/`/g, "")
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, "")
    .replace(/ /g, "-");
}

const anchorCache = new Map<string, Set<string>>();
function anchorsOf(page: string): Set<string> {
  let anchors = anchorCache.get(page);
  if (!anchors) {
    const text = fs.readFileSync(page, "utf8");
    anchors = new Set([
      ...[...text.matchAll(/<a id="([^"]+)"><\/a>/g)].map((match) => match[1]),
      ...[...text.matchAll(/^#+ (.+)$/gm)].map((match) => slug(match[1])),
    ]);
    anchorCache.set(page, anchors);
  }
  return anchors;
}

interface Citation {
  readonly from: string;
  readonly page: string;
  readonly anchor: string;
}

function citations(): Citation[] {
  const found: Citation[] = [];
  for (const file of [
    ...SCANNED.flatMap((folder) => files(path.join(ROOT, folder))),
    ...files(ROOT).filter((file) => path.dirname(file) === ROOT),
  ]) {
    const text = fs.readFileSync(file, "utf8");
    const from = path.relative(ROOT, file);
    for (const match of text.matchAll(/((?:docs\/)?[a-z][a-z-]*\.md)#([A-Za-z0-9_-]+)/g)) {
      const [, cited, anchor] = match;
      // docs/x.md from the repository root; x.md next to the citing page, or in docs/ from elsewhere.
      const candidates = cited.startsWith("docs/")
        ? [path.join(ROOT, cited)]
        : [path.join(path.dirname(file), cited), path.join(DOCS, cited)];
      found.push({ from, page: candidates.find((candidate) => fs.existsSync(candidate)) ?? candidates[0], anchor });
    }
    if (file.endsWith(".md")) {
      for (const match of text.matchAll(/\]\(#([A-Za-z0-9_-]+)\)/g)) found.push({ from, page: file, anchor: match[1] });
    }
  }
  return found;
}

describe("docs citations", () => {
  const all = citations();

  it("finds the citations (the scan itself works)", () => {
    expect(all.filter((citation) => citation.page.endsWith(path.join("docs", "domain.md"))).length).toBeGreaterThan(50);
  });

  it("every cited page exists and holds the cited anchor", () => {
    const broken = all
      .filter((citation) => !fs.existsSync(citation.page) || !anchorsOf(citation.page).has(citation.anchor))
      .map((citation) => `${citation.from} → ${path.relative(ROOT, citation.page)}#${citation.anchor}`);
    expect(broken).toEqual([]);
  });

  it("docs use HTML anchors, not {#id} heading attributes that GitHub prints as text", () => {
    const literal = files(DOCS)
      .filter((file) => file.endsWith(".md"))
      .flatMap((file) =>
        fs
          .readFileSync(file, "utf8")
          .split("\n")
          .flatMap((line, index) => (/\{#[A-Za-z0-9_-]+\}/.test(line) ? [`${path.relative(ROOT, file)}:${index + 1}`] : [])),
      );
    expect(literal).toEqual([]);
  });

  it("an anchor written inside a heading is read as an anchor and the heading keeps its GitHub slug", () => {
    expect(slug('<a id="welch-gap"></a>Welch test of a gap')).toBe("welch-test-of-a-gap");
    expect(slug("Effect size: Hedges' g")).toBe("effect-size-hedges-g");
  });
});
