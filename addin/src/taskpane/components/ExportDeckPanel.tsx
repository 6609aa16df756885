import * as React from "react";
import { Button } from "@fluentui/react-components";
import type { Language, Mapping, Model } from "@symmetry/engine";
import type { BuildResult } from "../barometer/buildBarometer";
import { deckBlob, planPaneDeck } from "../deck/paneDeck";
import { downloadBlob, handOverRoute, planFragment, type OfficeHost } from "../deck/handOver";

const WORDS = {
  en: {
    heading: "Presentation",
    button: "Export deck",
    busy: "Making the deck…",
    organisation: "Symmetry barometer",
    fileName: "barometer-deck.pptx",
    downloaded: (name: string) => `Deck saved as ${name} (your downloads folder).`,
    opened: (name: string) => `Your browser opens to save ${name}.`,
    failed: (reason: string) => `The deck could not be made: ${reason}`,
  },
  fr: {
    heading: "Présentation",
    button: "Exporter la présentation",
    busy: "Création de la présentation…",
    organisation: "Baromètre de la symétrie",
    fileName: "barometre-presentation.pptx",
    downloaded: (name: string) => `Présentation enregistrée sous ${name} (dossier des téléchargements).`,
    opened: (name: string) => `Votre navigateur s'ouvre pour enregistrer ${name}.`,
    failed: (reason: string) => `La présentation n'a pas pu être créée : ${reason}`,
  },
} as const;

/** Office.js's hand-over functions when the pane runs inside Office, else null (browser preview). */
function officeHost(): OfficeHost | null {
  if (typeof Office === "undefined" || !Office.context?.requirements || !Office.context.ui) return null;
  return {
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    openBrowserWindow: (url) => Office.context.ui.openBrowserWindow(url),
  };
}

export interface ExportDeckPanelProps {
  readonly built: BuildResult;
  readonly model: Model;
  readonly mapping: Mapping;
  readonly language: Language;
}

/**
 * "Export deck": the client deck (pptxgenjs in the pane) of the barometer just built, saved as a
 * download in a browser, or handed to the default browser by Office in desktop Excel (../deck/handOver.ts).
 */
export function ExportDeckPanel({ built, model, mapping, language }: ExportDeckPanelProps): React.ReactElement {
  const words = WORDS[language];
  const [state, setState] = React.useState<{ busy: boolean; message: string | null; failed: boolean }>({
    busy: false,
    message: null,
    failed: false,
  });
  const exportDeck = async () => {
    setState({ busy: true, message: words.busy, failed: false });
    try {
      const plan = planPaneDeck(built.employees.aggregate, built.customers.aggregate, model, mapping, language, words.organisation);
      const office = officeHost();
      if (office && handOverRoute(office) === "browser-window") {
        office.openBrowserWindow(new URL(`deck.html${planFragment(plan, words.fileName)}`, window.location.href).href);
        setState({ busy: false, message: words.opened(words.fileName), failed: false });
        return;
      }
      downloadBlob(await deckBlob(plan), words.fileName);
      setState({ busy: false, message: words.downloaded(words.fileName), failed: false });
    } catch (error) {
      setState({ busy: false, message: words.failed(error instanceof Error ? error.message : String(error)), failed: true });
    }
  };
  return (
    <section aria-labelledby="deck-heading" className="sym-section">
      <h2 id="deck-heading">{words.heading}</h2>
      <div className="sym-actions">
        <Button onClick={() => void exportDeck()} disabled={state.busy} data-testid="export-deck">
          {words.button}
        </Button>
      </div>
      {state.message ? (
        <p role={state.failed ? "alert" : "status"} data-testid="deck-status">
          {state.message}
        </p>
      ) : null}
    </section>
  );
}
