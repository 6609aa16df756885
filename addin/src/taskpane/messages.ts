import { isSymError } from "@symmetry/engine";
import { AreaOccupiedError } from "./barometer/applyLayout";
import { ConfidentialityError } from "./barometer/buildBarometer";
import { DataError } from "./data/scanPopulation";
import { isAbortError } from "./data/readInChunks";
import type { Language } from "@symmetry/engine";
import type { PaneMessage } from "./components/ErrorBar";
import type { Strings } from "./i18n/strings";

/**
 * Turns a failure into the message bar's text: what happened (the error's own message, which
 * names the value and its place) and what to do. Nothing is swallowed: unknown errors show too.
 */
export function describeFailure(error: unknown, strings: Strings, language: Language): PaneMessage {
  const fr = language === "fr";
  if (isAbortError(error)) return { intent: "info", text: strings.cancelled };
  const text = error instanceof Error ? error.message : String(error);
  let action: string;
  if (error instanceof DataError || isSymError(error)) {
    action = fr
      ? "Corrigez la cellule ou l'échelle du mappage, puis reconstruisez."
      : "Fix the cell or the mapping's scale, then build again.";
  } else if (error instanceof AreaOccupiedError) {
    action = fr ? "Déplacez vos cellules hors de la zone générée." : "Move your cells out of the generated area.";
  } else if (error instanceof ConfidentialityError) {
    action = fr ? "Attendez plus de réponses ou regroupez les données." : "Wait for more answers or pool the data.";
  } else {
    action = fr
      ? "Vérifiez les données et réessayez ; si cela persiste, rechargez le complément."
      : "Check the data and try again; if it persists, reload the add-in.";
  }
  return { intent: "error", title: strings.errorTitle, text, action };
}
