/**
 * The deck page (deck.html): the task pane in desktop Excel opens it in the default browser with
 * the deck plan in the URL fragment (./handOver.ts). It draws the deck with pptxgenjs and saves it
 * as a download, which a full browser always allows; the plan never reaches a server.
 */
import { deckBlob } from "./paneDeck";
import { downloadBlob, planFromFragment } from "./handOver";

const french = /^fr\b/i.test(navigator.language);
const words = french
  ? {
      ready: (name: string) => `Présentation enregistrée dans vos téléchargements : ${name}. Vous pouvez fermer cette page.`,
      empty:
        "Cette page enregistre la présentation exportée par le volet Symmetry Barometer ; ouvrez-la depuis le bouton « Exporter la présentation ».",
      failed: (reason: string) => `La présentation n'a pas pu être créée : ${reason}.`,
    }
  : {
      ready: (name: string) => `Deck saved to your downloads: ${name}. You can close this page.`,
      empty: "This page saves the deck exported by the Symmetry Barometer pane; open it from the pane's Export deck button.",
      failed: (reason: string) => `The deck could not be made: ${reason}.`,
    };

async function run(status: HTMLElement): Promise<void> {
  const handed = planFromFragment(window.location.hash);
  if (!handed) {
    status.textContent = words.empty;
    return;
  }
  // The file name came through a URL: keep it to plain characters.
  const fileName = handed.fileName.replace(/[^\p{L}\p{N} ._-]/gu, "_");
  downloadBlob(await deckBlob(handed.plan), fileName);
  status.textContent = words.ready(fileName);
  status.dataset.saved = fileName;
}

const status = document.getElementById("status")!;
run(status).catch((error: unknown) => {
  status.setAttribute("role", "alert");
  status.textContent = words.failed(error instanceof Error ? error.message : String(error));
});
