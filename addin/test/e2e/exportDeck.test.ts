/**
 * End to end, in Chromium: the pane's Export deck button draws the deck with pptxgenjs in the
 * browser and the browser downloads it; the file opens as a .pptx (a zip with the presentation
 * part) with the slides the engine plans for the same data. Then the deck page that desktop Excel
 * opens in the default browser (Office.context.ui.openBrowserWindow) downloads the same deck from
 * the plan in its URL fragment.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { chromium, type Browser, type Download, type Page } from "playwright-core";
import { DEFAULT_MODEL, type DeckPlan, type Mapping } from "@symmetry/engine";
import { locateSource } from "../../src/taskpane/data/sourceGeometry";
import { scanPopulation } from "../../src/taskpane/data/scanPopulation";
import { planPaneDeck } from "../../src/taskpane/deck/paneDeck";
import { planFragment } from "../../src/taskpane/deck/handOver";
import { checkDraft, suggestDraft } from "../../src/taskpane/mapping/draft";
import { parseCsv } from "../../src/preview/csv";
import { MemoryWorkbook } from "../../test-doubles/memoryWorkbook";
import { OFFICE_CDN, OFFICE_STAND_IN, ROOT, buildPreview, servePreview } from "./previewServer";

jest.setTimeout(360_000);

let output: string;
let downloads: string;
let server: Server;
let url: string;
let browser: Browser;

beforeAll(async () => {
  output = mkdtempSync(join(tmpdir(), "sym-preview-deck-"));
  downloads = mkdtempSync(join(tmpdir(), "sym-deck-downloads-"));
  await buildPreview(output);
  ({ server, url } = await servePreview(output));
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-quic"],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  for (const folder of [output, downloads]) if (folder) rmSync(folder, { recursive: true, force: true });
});

async function openPage(path: string): Promise<{ page: Page; errors: string[]; outside: string[] }> {
  const page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
  const errors: string[] = [];
  const outside: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => {
    outside.push(route.request().url());
    return route.abort();
  });
  await page.route(OFFICE_CDN, (route) => route.fulfill({ path: OFFICE_STAND_IN, contentType: "text/javascript" }));
  await page.goto(`${url}/${path}`, { timeout: 120_000 });
  return { page, errors, outside };
}

/** The deck the engine plans for the samples with the suggested mapping, as the pane builds them. */
async function engineDeck(): Promise<DeckPlan> {
  const workbook = new MemoryWorkbook();
  workbook.loadSheet("Employees", parseCsv(readFileSync(join(ROOT, "samples/en/employees.csv"), "utf8")));
  workbook.loadSheet("Customers", parseCsv(readFileSync(join(ROOT, "samples/en/customers.csv"), "utf8")));
  const employees = { location: { sheet: "Employees" }, geometry: await locateSource(workbook, { sheet: "Employees" }) };
  const customers = { location: { sheet: "Customers" }, geometry: await locateSource(workbook, { sheet: "Customers" }) };
  const mapping: Mapping = checkDraft(suggestDraft(DEFAULT_MODEL, "en", employees, customers).draft).mapping!;
  const scan = (population: "employees" | "customers", geometry: typeof employees.geometry) =>
    scanPopulation(workbook, population, geometry, mapping[population].columns, mapping.scales[population]);
  const employeeScan = await scan("employees", employees.geometry);
  const customerScan = await scan("customers", customers.geometry);
  return planPaneDeck(employeeScan.aggregate, customerScan.aggregate, DEFAULT_MODEL, mapping, "en", "Symmetry barometer");
}

/** The saved download as a presentation: its slide parts and the text of each slide. */
async function openedDeck(download: Download, name: string): Promise<string[]> {
  const file = join(downloads, name);
  await download.saveAs(file);
  const zip = await JSZip.loadAsync(readFileSync(file));
  expect(zip.file("ppt/presentation.xml")).not.toBeNull();
  expect(await zip.file("[Content_Types].xml")!.async("string")).toContain("presentationml.presentation.main+xml");
  const slides = Object.keys(zip.files)
    .filter((part) => /^ppt\/slides\/slide\d+\.xml$/.test(part))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  return Promise.all(
    slides.map(async (part) =>
      [...(await zip.file(part)!.async("string")).matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((match) => match[1]).join(" "),
    ),
  );
}

describe("Export deck", () => {
  it("downloads the client deck from the pane, a .pptx with the engine's slides", async () => {
    const { page, errors, outside } = await openPage("taskpane.html?lang=en");
    await page.getByTestId("suggest").click();
    await page.getByTestId("build").click();
    await page.getByTestId("preview").waitFor({ timeout: 120_000 });
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), page.getByTestId("export-deck").click()]);
    expect(download.suggestedFilename()).toBe("barometer-deck.pptx");
    const slides = await openedDeck(download, "pane.pptx");
    const plan = await engineDeck();
    expect(slides).toHaveLength(plan.slides.length);
    plan.slides.forEach((slide, index) => expect(slides[index]).toContain(slide.title.replace(/&/g, "&amp;")));
    const headline = plan.slides[1].blocks[0];
    if (headline.kind !== "figures") throw new Error("the headline slide has no figures");
    for (const figure of headline.figures) expect(slides[1]).toContain(figure.value);
    await expect(page.getByTestId("deck-status").textContent()).resolves.toBe("Deck saved as barometer-deck.pptx (your downloads folder).");
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  it("downloads the deck from the deck page desktop Excel opens with the plan in the fragment", async () => {
    const plan = await engineDeck();
    const empty = await openPage("deck.html");
    await empty.page.locator("#status", { hasText: "open it from the pane's Export deck button" }).waitFor();
    await empty.page.close();
    const { page, errors, outside } = await openPage("deck.html");
    // A new document with the fragment, as the default browser opens it.
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 120_000 }),
      page.goto(`${url}/deck.html?from=excel${planFragment(plan, "barometer-deck.pptx")}`),
    ]);
    expect(download.suggestedFilename()).toBe("barometer-deck.pptx");
    const slides = await openedDeck(download, "page.pptx");
    expect(slides).toHaveLength(plan.slides.length);
    expect(slides[0]).toContain("Symmetry barometer");
    await page.locator("#status[data-saved]").waitFor();
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });
});
