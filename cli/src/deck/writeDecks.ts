import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import PptxGenJS from "pptxgenjs";
import type { GroupAggregate, Language, LinkageResult, Model } from "@symmetry/engine";
import { planClientDeck, type DeckBarometer } from "@symmetry/engine/deck/clientDeck";
import { planEmployeeSummary } from "@symmetry/engine/deck/employeeSummary";
import { planManagerDecks } from "@symmetry/engine/deck/managerDeck";
import type { DeckPlan } from "@symmetry/engine/deck/plan";
import { renderDeck } from "@symmetry/engine/deck/renderDeck";
import type { DeckContext } from "./deckContext";
import { convertToPdf } from "./libreOffice";

/** Where `sym report` writes the decks of one workbook (every path optional). */
export interface DeckOutputs {
  /** The client deck. */
  readonly pptx?: string;
  /** The client deck as PDF (LibreOffice). */
  readonly pdf?: string;
  /** One deck per manager at or above the threshold, in this folder. */
  readonly managersDir?: string;
  /** The one-page employee summary as PDF (LibreOffice). */
  readonly summary?: string;
  /** The soffice program, found before any work starts (needed by `pdf` and `summary`). */
  readonly soffice?: string;
  /** `--actions FILE`: the action plan to show instead of the workbook's own. */
  readonly actions?: string;
}

export interface DeckSources {
  readonly language: Language;
  readonly organisation: string;
  readonly barometer: DeckBarometer;
  readonly model: Model;
  readonly link?: LinkageResult;
  readonly managers: Readonly<Record<string, GroupAggregate>>;
  /** The change since the last wave, the priorities and the action plan. */
  readonly context?: DeckContext;
}

/** What was written, for `--json` and the summary. */
export interface DecksWritten {
  pptx?: string;
  pdf?: string;
  summary?: string;
  managers?: { directory: string; decks: { manager: string; respondents: number; file: string }[] };
}

/** The bytes of a deck plan as a .pptx (pptxgenjs in Node). */
export async function deckBytes(plan: DeckPlan): Promise<Buffer> {
  const pptx = renderDeck(plan, new PptxGenJS());
  return Buffer.from((await pptx.write({ outputType: "nodebuffer", compression: true })) as Uint8Array);
}

/**
 * A file name for a manager's deck: letters, digits, spaces, dots, dashes and underscores kept,
 * anything else (slashes, `..`, control characters) replaced, so a name never leaves the folder;
 * numbered when two managers give the same name.
 */
export function managerFileNames(managers: readonly string[]): string[] {
  const taken = new Set<string>();
  return managers.map((manager) => {
    const base =
      manager
        .normalize("NFC")
        .replace(/[^\p{L}\p{N} ._-]/gu, "_")
        .replace(/^[ .]+/, "")
        .slice(0, 80)
        .trim() || "manager";
    let name = `${base}.pptx`;
    for (let index = 2; taken.has(name.toLowerCase()); index++) name = `${base} (${index}).pptx`;
    taken.add(name.toLowerCase());
    return name;
  });
}

async function writeFile(file: string, bytes: Buffer): Promise<void> {
  await fs.promises.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await fs.promises.writeFile(file, bytes);
}

/** Converts a plan to PDF through a .pptx in a temporary folder. */
async function writePdf(plan: DeckPlan, pdf: string, soffice: string, pptxAlready?: string): Promise<void> {
  if (pptxAlready) {
    convertToPdf(soffice, pptxAlready, pdf);
    return;
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "sym-deck-"));
  try {
    const pptx = path.join(work, `${path.basename(pdf).replace(/\.pdf$/i, "")}.pptx`);
    await writeFile(pptx, await deckBytes(plan));
    convertToPdf(soffice, pptx, pdf);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Writes the packs of one workbook: the client deck (and its PDF), one deck per manager with at
 * least the threshold of respondents, and the one-page employee summary as PDF.
 */
export async function writeDecks(sources: DeckSources, outputs: DeckOutputs): Promise<DecksWritten> {
  const written: DecksWritten = {};
  const input = {
    language: sources.language,
    organisation: sources.organisation,
    barometer: sources.barometer,
    model: sources.model,
    ...(sources.link ? { link: sources.link } : {}),
    ...(sources.context?.trend ? { trend: sources.context.trend } : {}),
    ...(sources.context ? { priorities: sources.context.priorities } : {}),
    ...(sources.context?.actions ? { actions: sources.context.actions } : {}),
  };
  if (outputs.pptx !== undefined || outputs.pdf !== undefined) {
    const plan = planClientDeck(input);
    if (outputs.pptx !== undefined) {
      await writeFile(outputs.pptx, await deckBytes(plan));
      written.pptx = outputs.pptx;
    }
    if (outputs.pdf !== undefined) {
      await writePdf(plan, outputs.pdf, outputs.soffice!, outputs.pptx);
      written.pdf = outputs.pdf;
    }
  }
  if (outputs.managersDir !== undefined) {
    const decks = planManagerDecks({
      language: sources.language,
      organisation: sources.organisation,
      barometer: sources.barometer,
      managers: sources.managers,
    });
    const names = managerFileNames(decks.map((deck) => deck.manager));
    await fs.promises.mkdir(outputs.managersDir, { recursive: true });
    const files: { manager: string; respondents: number; file: string }[] = [];
    for (const [index, deck] of decks.entries()) {
      const file = path.join(outputs.managersDir, names[index]);
      await writeFile(file, await deckBytes(deck.plan));
      files.push({ manager: deck.manager, respondents: deck.respondents, file });
    }
    written.managers = { directory: outputs.managersDir, decks: files };
  }
  if (outputs.summary !== undefined) {
    await writePdf(planEmployeeSummary(input), outputs.summary, outputs.soffice!);
    written.summary = outputs.summary;
  }
  return written;
}
