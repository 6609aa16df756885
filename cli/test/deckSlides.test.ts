/**
 * The client deck's later slides from `sym report`, and the visual check of a converted deck.
 * - Heat map by unit: every unit's employee scores as `sym barometer --by unit --json` gives them
 *   (rounded as displayed), hidden units as "fewer than 5" without figures.
 * - Trend: a workbook with two waves shows the change since the last wave, each dimension's
 *   change and status as `sym trend --json` gives them on the same CSV files.
 * - Action plan: `--actions` (the sample plan) with each action's outcome as `sym trend --actions`.
 * - Visual check: LibreOffice converts the deck to PDF, `pdftoppm` renders each page (PNG in
 *   test-artifacts/ for people to look at), and each page is neither blank nor missing a word of
 *   its slide's text (`pdftotext`).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import { DEFAULT_MODEL } from "@symmetry/engine";
import { filledWorkbookFromCsv } from "../src/workbook/filledWorkbook";
import { REPOSITORY, runCli, SAMPLES, scratchDirectory } from "./support/cli";

jest.setTimeout(600_000);
const scratch = scratchDirectory();
const directory = path.dirname(scratch.write("placeholder", ""));
afterAll(() => scratch.remove());
const artifacts = path.join(REPOSITORY, "test-artifacts");
const wavesFile = (name: string) => path.join(SAMPLES, "en", "waves", name);

/** The slides of a .pptx in order, each as its text runs and its tables (rows of cell texts). */
async function slidesOf(file: string): Promise<{ runs: string[]; tables: string[][][] }[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const names = Object.keys(zip.files)
    .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  const unescape = (text: string) =>
    text
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
  const runsOf = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((match) => unescape(match[1]));
  return Promise.all(
    names.map(async (name) => {
      const xml = await zip.file(name)!.async("string");
      const tables = [...xml.matchAll(/<a:tbl>([\s\S]*?)<\/a:tbl>/g)].map((table) =>
        [...table[1].matchAll(/<a:tr\b[\s\S]*?<\/a:tr>/g)].map((row) =>
          [...row[0].matchAll(/<a:tc\b[\s\S]*?<\/a:tc>/g)].map((cell) => runsOf(cell[0]).join("")),
        ),
      );
      return { runs: runsOf(xml), tables };
    }),
  );
}

/** A change as the deck writes it: one decimal, signed, and no sign on a value that rounds to zero. */
function oneDecimalSigned(value: number): string {
  const rounded = Number(value.toFixed(1));
  return rounded === 0 ? "0.0" : (rounded > 0 ? "+" : "") + rounded.toFixed(1);
}

describe("the deck of a workbook with two waves, units and an action plan", () => {
  const deck = path.join(directory, "waves.pptx");
  const pdf = path.join(directory, "waves.pdf");
  let run: { code: number; stderr: string };
  let slides: Awaited<ReturnType<typeof slidesOf>>;
  beforeAll(async () => {
    const input = scratch.write(
      "waves.xlsx",
      await filledWorkbookFromCsv(
        { employees: wavesFile("employees.csv"), customers: wavesFile("customers.csv"), units: path.join(SAMPLES, "en", "units.csv") },
        DEFAULT_MODEL,
        "en",
      ),
    );
    run = await runCli(["report", input, "--pptx", deck, "--pdf", pdf, "--actions", wavesFile("actions.json"), "--bootstrap", "100"]);
    slides = await slidesOf(deck);
  });

  it("shows the heat map by unit with the scores and hidden units of sym barometer --by unit", async () => {
    expect(run.code).toBe(0);
    const expected = JSON.parse(
      (
        await runCli([
          "barometer",
          "--employees",
          wavesFile("employees.csv"),
          "--customers",
          wavesFile("customers.csv"),
          "--units",
          path.join(SAMPLES, "en", "units.csv"),
          "--by",
          "unit",
          "--json",
        ])
      ).stdout,
    ) as {
      dimensions: { id: string; label: string }[];
      heatmap: {
        by: string;
        groups: { group: string; n: number | null; suppressed: boolean; dimensions: { id: string; employee: number | null }[] }[];
      }[];
    };
    const groups = expected.heatmap.find((entry) => entry.by === "unit")!.groups;
    const rows = slides
      .filter((slide) => slide.runs.includes("Employee score by unit and dimension"))
      .flatMap((slide) => slide.tables[0].slice(1));
    expect(rows.map((row) => row[0])).toEqual(groups.map((group) => group.group));
    for (const [index, group] of groups.entries()) {
      const row = rows[index];
      if (group.suppressed) {
        expect(row.slice(1)).toEqual(["fewer than 5", "–", ...group.dimensions.map(() => "–")]);
        continue;
      }
      expect(row[1]).toBe(String(group.n));
      expect(row.slice(3)).toEqual(group.dimensions.map((cell) => (cell.employee === null ? "fewer than 5" : cell.employee.toFixed(0))));
    }
    expect(groups.some((group) => group.suppressed)).toBe(true);
    expect(slides.some((slide) => slide.runs.includes("eNPS by unit"))).toBe(false);
  });

  it("shows each dimension's change since the last wave and the action plan's outcomes as sym trend --actions", async () => {
    const trend = JSON.parse(
      (
        await runCli([
          "trend",
          "--employees",
          wavesFile("employees.csv"),
          "--customers",
          wavesFile("customers.csv"),
          "--actions",
          wavesFile("actions.json"),
          "--json",
        ])
      ).stdout,
    ) as {
      changes: { from: string; to: string; dimensions: { label: string; gapChange: number | null; status: string; closed: boolean }[] }[];
      actions: { index: number; outcome: string; closed: boolean }[];
    };
    const change = trend.changes[trend.changes.length - 1];
    const words: Record<string, string> = {
      narrowed: "Narrowed",
      widened: "Widened",
      stable: "No clear change",
      "not-computable": "Not computable",
    };
    const statusText = (status: string, closed: boolean) => (closed ? "Closed (alert no more)" : words[status]);
    const table = slides.find(
      (slide) => slide.runs.includes(`Since the last wave: ${change.from} → ${change.to}`) && slide.tables.length > 0,
    )!.tables[0];
    expect(table.slice(1).map((row) => [row[0], row[3], row[6]])).toEqual(
      change.dimensions.map((dimension) => [
        dimension.label,
        dimension.gapChange === null ? "–" : oneDecimalSigned(dimension.gapChange),
        statusText(dimension.status, dimension.closed),
      ]),
    );
    expect(change.dimensions.some((dimension) => dimension.closed)).toBe(true);
    expect(change.dimensions.some((dimension) => dimension.status === "widened")).toBe(true);

    const plan = JSON.parse(fs.readFileSync(wavesFile("actions.json"), "utf8")) as { actions: { text: string }[] };
    const actionRows = slides.filter((slide) => slide.runs.includes("Action plan")).flatMap((slide) => slide.tables[0].slice(1));
    expect(actionRows.map((row) => row[5])).toEqual(plan.actions.map((action) => action.text));
    const outcomes = new Map(trend.actions.filter((outcome) => outcome.outcome !== undefined).map((outcome) => [outcome.index, outcome]));
    actionRows.forEach((row, index) => {
      const outcome = outcomes.get(index);
      expect(row[6]).toBe(outcome ? statusText(outcome.outcome, outcome.closed) : "Not measured yet");
    });
    expect(slides.some((slide) => slide.runs.includes("Priorities"))).toBe(true);
  });

  it("converts to a PDF whose pages are neither blank nor missing a word of their slide", () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout)![1]);
    expect(pages).toBe(slides.length);
    fs.mkdirSync(artifacts, { recursive: true });
    fs.copyFileSync(pdf, path.join(artifacts, "deck-waves.pdf"));
    for (const stale of fs.readdirSync(artifacts).filter((name) => name.startsWith("deck-waves-page")))
      fs.rmSync(path.join(artifacts, stale));
    expect(spawnSync("pdftoppm", ["-png", "-r", "50", pdf, path.join(artifacts, "deck-waves-page")]).status).toBe(0);
    // A table cell may wrap a hyphenated name at a hyphen, and pdftotext may put the parts on
    // separate lines: a hyphen after a letter separates words (a minus sign before a digit stays).
    const words = (text: string) =>
      text
        .replace(/(\p{L})-/gu, "$1 ")
        .split(/\s+/)
        .filter(Boolean);
    for (let page = 1; page <= pages; page++) {
      // Greyscale raster of the page: a blank page is all white.
      const raster = spawnSync("pdftoppm", ["-gray", "-r", "20", "-f", String(page), "-l", String(page), pdf], {
        maxBuffer: 1 << 26,
      }).stdout;
      const pixels = pgmPixels(raster);
      const inked = pixels.filter((value) => value < 200).length / pixels.length;
      expect({ page, inked: inked > 0.01 }).toEqual({ page, inked: true });
      // -raw keeps the text in drawing order, so a table cell's lines stay together.
      const text = new Set(
        words(spawnSync("pdftotext", ["-raw", "-f", String(page), "-l", String(page), pdf, "-"], { encoding: "utf8" }).stdout),
      );
      const missing = words(slides[page - 1].runs.join(" ")).filter((word) => !text.has(word));
      expect({ page, missing }).toEqual({ page, missing: [] });
    }
  });
});

/** The pixels of a binary PGM (P5) image, as pdftoppm -gray writes it. */
function pgmPixels(bytes: Buffer): Uint8Array {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString("latin1"));
  if (!header) throw new Error("not a binary PGM image");
  const width = Number(header[1]);
  const height = Number(header[2]);
  return new Uint8Array(bytes.subarray(header[0].length, header[0].length + width * height));
}
