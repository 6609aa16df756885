/**
 * `sym report --pptx/--pdf/--managers/--summary`: decks for the EN and FR samples converted to PDF
 * by LibreOffice, their text checked against `sym barometer --json` on the same CSV files (every
 * dimension label, the index, the alert count and the largest gap as displayed), page images
 * written to test-artifacts/; the manager pack (one deck per manager at or above the threshold,
 * no other team's name or eNPS in any deck); a workbook whose figures are all withheld; PDF
 * without LibreOffice (exit 2); a batch writing one deck per client.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import { REPOSITORY, runCli, scratchDirectory } from "./support/cli";
import { filledSampleBytes, filledWorkbookBytes, sampleCsv as sample, sampleHead } from "./support/filledWorkbooks";

jest.setTimeout(600_000);
const scratch = scratchDirectory();
const directory = scratch.path;
afterAll(() => scratch.remove());
const artifacts = path.join(REPOSITORY, "test-artifacts");

/** The first `rows` respondents of a sample file. */
const head = (language: "en" | "fr", name: "employees" | "customers", rows: number): string => sampleHead(directory, language, name, rows);

/** Every text run of the slides and every value cached in the charts of a .pptx. */
async function pptxText(file: string, only = /^ppt\/(slides\/slide\d+|charts\/chart\d+)\.xml$/): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const parts = Object.keys(zip.files).filter((name) => only.test(name));
  const texts: string[] = [];
  for (const name of parts) {
    const xml = await zip.file(name)!.async("string");
    for (const match of xml.matchAll(/<(?:a:t|c:v)>([^<]*)<\/(?:a:t|c:v)>/g))
      texts.push(match[1].replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">"));
  }
  return texts.join("\n");
}

interface BarometerJson {
  symmetryIndex: number;
  dimensions: { label: string; gap: number | null; status: string }[];
  managers: { unit: string; n: number; enps: number | null; suppressed: boolean }[];
  employees: { enps: { value: number } | null };
  minGroupSize: number;
}

/** A figure as the deck displays it: one decimal, decimal comma in French. */
function displayed(value: number, language: "en" | "fr", signed = false): string {
  const text = (signed && value > 0 ? "+" : "") + value.toFixed(1);
  return language === "fr" ? text.replace(".", ",") : text;
}

const squeeze = (text: string) => text.replace(/\s+/g, " ");

describe.each(["en", "fr"] as const)("client deck for the %s samples", (language) => {
  let expected: BarometerJson;
  let run: { code: number; stdout: string; stderr: string };
  const deck = path.join(directory, `deck-${language}.pptx`);
  const pdf = path.join(directory, `deck-${language}.pdf`);
  const managers = path.join(directory, `managers-${language}`);
  const summary = path.join(directory, `summary-${language}.pdf`);
  beforeAll(async () => {
    const csv = await runCli([
      "barometer",
      "--employees",
      sample(language, "employees"),
      "--customers",
      sample(language, "customers"),
      "--units",
      sample(language, "units"),
      "--lang",
      language,
      "--json",
    ]);
    expect(csv.code).toBe(0);
    expected = JSON.parse(csv.stdout) as BarometerJson;
    const input = scratch.write(`filled-${language}.xlsx`, await filledSampleBytes(language));
    run = await runCli([
      "report",
      input,
      "--json",
      "--bootstrap",
      "100",
      "--pptx",
      deck,
      "--pdf",
      pdf,
      "--managers",
      managers,
      "--summary",
      summary,
    ]);
  });

  it("converts to PDF whose text holds every dimension label, the index, the alert count and the largest gap of sym barometer --json", () => {
    expect(run.code).toBe(0);
    const text = squeeze(spawnSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).stdout);
    for (const dimension of expected.dimensions) expect(text).toContain(squeeze(dimension.label));
    expect(text).toContain(displayed(expected.symmetryIndex, language));
    const alerts = expected.dimensions.filter((dimension) => dimension.status === "alert").length;
    const largest = expected.dimensions
      .filter((dimension) => dimension.gap !== null)
      .sort((a, b) => Math.abs(b.gap!) - Math.abs(a.gap!))[0];
    // pdftotext separates pages with a form feed; page 2 is the headline (labels, then values).
    const headline = spawnSync("pdftotext", ["-f", "2", "-l", "2", pdf, "-"], { encoding: "utf8" })
      .stdout.split("\n")
      .map((line) => line.trim());
    expect(headline).toContain(language === "fr" ? "Alertes" : "Alerts");
    expect(headline).toContain(String(alerts));
    expect(headline).toContain(displayed(largest.gap!, language, true));
    expect(headline).toContain(largest.label);
    expect(headline).toContain(displayed(expected.symmetryIndex, language));
    expect(text).toContain("<0" + (language === "fr" ? ",001" : ".001"));

    fs.mkdirSync(artifacts, { recursive: true });
    const render = spawnSync("pdftoppm", ["-png", "-r", "60", pdf, path.join(artifacts, `deck-${language}-page`)]);
    expect(render.status).toBe(0);
    expect(fs.readdirSync(artifacts).filter((name) => name.startsWith(`deck-${language}-page`)).length).toBeGreaterThanOrEqual(6);
  });

  it("writes one deck per manager at or above the threshold, none holding another team's name or eNPS", async () => {
    const eligible = expected.managers.filter((manager) => manager.n >= expected.minGroupSize);
    const files = fs.readdirSync(managers).sort();
    expect(files).toEqual(eligible.map((manager) => `${manager.unit}.pptx`).sort());
    const whole = displayed(expected.employees.enps!.value, language, true);
    for (const manager of eligible) {
      const file = path.join(managers, `${manager.unit}.pptx`);
      const text = await pptxText(file);
      // The eNPS figures sit on the headline slide; team scores and differences elsewhere may equal another team's eNPS by chance.
      const headlineSlide = (await pptxText(file, /^ppt\/slides\/slide2\.xml$/)).split("\n");
      expect(text).toContain(manager.unit);
      const own = manager.enps === null ? null : displayed(manager.enps, language, true);
      if (own) expect(text).toContain(own);
      for (const other of expected.managers) {
        if (other.unit === manager.unit) continue;
        expect(text).not.toMatch(new RegExp(`(^|[^\\w-])${other.unit}($|[^\\w-])`));
        if (other.enps === null) continue;
        const figure = displayed(other.enps, language, true);
        // A figure equal to one the deck may show (its own team's or the whole's) is not another team's.
        if (figure !== own && figure !== whole) expect(headlineSlide).not.toContain(figure);
      }
    }
  });

  it("writes the one-page employee summary with organisation-level figures only", () => {
    const info = spawnSync("pdfinfo", [summary], { encoding: "utf8" }).stdout;
    expect(info).toMatch(/Pages:\s+1\b/);
    const text = squeeze(spawnSync("pdftotext", [summary, "-"], { encoding: "utf8" }).stdout);
    expect(text).toContain(language === "fr" ? "Ce que nous avons mesuré" : "What we measured");
    expect(text).toContain(displayed(expected.symmetryIndex, language));
    for (const manager of expected.managers) expect(text).not.toMatch(new RegExp(`(^|[^\\w-])${manager.unit}($|[^\\w-])`));
    spawnSync("pdftoppm", ["-png", "-r", "60", "-singlefile", summary, path.join(artifacts, `summary-${language}`)]);
  });
});

describe("decks from small or bad inputs", () => {
  it("gives a deck that says every figure is withheld when too few answered, with no chart", async () => {
    const input = scratch.write(
      "tiny.xlsx",
      await filledWorkbookBytes({ employees: head("en", "employees", 3), customers: head("en", "customers", 4) }, "en"),
    );
    const deck = path.join(directory, "tiny.pptx");
    const run = await runCli(["report", input, "--pptx", deck, "--json"]);
    expect(run.code).toBe(0);
    const zip = await JSZip.loadAsync(fs.readFileSync(deck));
    expect(Object.keys(zip.files).filter((name) => /^ppt\/charts\/chart\d+\.xml$/.test(name))).toEqual([]);
    const text = await pptxText(deck);
    expect(text).toContain("Every figure is withheld: fewer than 5 respondents answered");
    expect(text).toContain("fewer than 5 employees and fewer than 5 customers answered");
  });

  it("stops with exit 2 and says how to get LibreOffice when --pdf cannot find it, before writing anything", async () => {
    const input = scratch.write(
      "small.xlsx",
      await filledWorkbookBytes({ employees: head("en", "employees", 40), customers: head("en", "customers", 40) }, "en"),
    );
    const saved = { path: process.env.PATH, soffice: process.env.SYM_SOFFICE };
    const deck = path.join(directory, "never.pptx");
    try {
      process.env.PATH = path.join(directory, "empty-bin");
      delete process.env.SYM_SOFFICE;
      const run = await runCli(["report", input, "--pptx", deck, "--pdf", path.join(directory, "never.pdf")]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("PDF output needs LibreOffice, and soffice was not found on the PATH");
      expect(run.stderr).toContain("libreoffice-impress");
      process.env.SYM_SOFFICE = path.join(directory, "no-such-soffice");
      const configured = await runCli(["report", input, "--summary", path.join(directory, "never-summary.pdf")]);
      expect(configured.code).toBe(2);
      expect(configured.stderr).toContain("SYM_SOFFICE is");
    } finally {
      process.env.PATH = saved.path;
      if (saved.soffice === undefined) delete process.env.SYM_SOFFICE;
      else process.env.SYM_SOFFICE = saved.soffice;
    }
    expect(fs.existsSync(deck)).toBe(false);
  });

  it("writes one deck and one manager folder per client in a batch", async () => {
    const first = scratch.write(
      "north.xlsx",
      await filledWorkbookBytes({ employees: head("en", "employees", 60), customers: head("en", "customers", 60) }, "en"),
    );
    const second = scratch.write(
      "south.xlsx",
      await filledWorkbookBytes({ employees: head("fr", "employees", 60), customers: head("fr", "customers", 60) }, "fr"),
    );
    const out = path.join(directory, "batch");
    const managers = path.join(directory, "batch-managers");
    const run = await runCli(["report", first, second, "--out-dir", out, "--pptx", "--managers", managers]);
    expect(run.code).toBe(0);
    expect(
      fs
        .readdirSync(out)
        .filter((name) => name.endsWith(".pptx"))
        .sort(),
    ).toEqual(["north-deck.pptx", "south-deck.pptx"]);
    expect(fs.readdirSync(managers).sort()).toEqual(["north", "south"]);
    expect(await pptxText(path.join(out, "south-deck.pptx"))).toContain("Baromètre de la symétrie des attentions");
    const named = await runCli(["report", first, second, "--out-dir", out, "--pptx", "deck.pptx"]);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain("in a batch, --pptx takes no file name");
  });
});
