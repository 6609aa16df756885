import type { Language, Mapping, Model } from "@symmetry/engine";
import { computeBarometer } from "@symmetry/engine/barometer/barometer";
import { planClientDeck } from "@symmetry/engine/deck/clientDeck";
import type { DeckPlan } from "@symmetry/engine/deck/plan";
import { renderDeck } from "@symmetry/engine/deck/renderDeck";
import { rankPriorities, unitDriverShares } from "@symmetry/engine/priorities/priorities";
import type { PopulationAggregate } from "@symmetry/engine";

/** The MIME type of a .pptx, for the Blob handed to the user. */
export const PPTX_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

/**
 * The client deck of what the pane just built: the barometer of the two populations' aggregates
 * with the mapping's thresholds (the same `computeBarometer` the sheet's figures are checked
 * against), eNPS by unit with suppression, and the priorities ranked by need × impact (impacts from
 * key drivers across units, equal shares under 25 units). Respondent rows never enter the deck.
 */
export function planPaneDeck(
  employees: PopulationAggregate,
  customers: PopulationAggregate,
  model: Model,
  mapping: Mapping,
  language: Language,
  organisation: string,
): DeckPlan {
  const thresholds = { ...model.thresholds, ...mapping.thresholds };
  const barometer = computeBarometer(employees, customers, { model, language, thresholds });
  const drivers = unitDriverShares(
    employees.units ?? {},
    barometer.dimensions.filter((dimension) => dimension.gap !== null).map((dimension) => dimension.id),
    thresholds.minGroupSize,
    model.thresholds.minDriverUnits,
  );
  const priorities = rankPriorities(
    barometer.dimensions.map((dimension) => ({
      id: dimension.id,
      label: dimension.label,
      gap: dimension.gap,
      status: dimension.status,
      employeeScore: dimension.employee.score,
    })),
    drivers,
  );
  return planClientDeck({
    language,
    organisation,
    barometer: { ...barometer, thresholds: { gapThreshold: thresholds.gapThreshold, alpha: thresholds.alpha } },
    model,
    priorities,
  });
}

/**
 * The deck as a .pptx Blob, drawn by pptxgenjs in the browser. pptxgenjs is loaded on first use
 * (its own chunk), so opening the pane does not pay for it; its Node-only branches (file system,
 * image download) are mapped away by its package's `browser` field and never run here.
 */
export async function deckBlob(plan: DeckPlan): Promise<Blob> {
  const { default: PptxGenJS } = await import(/* webpackChunkName: "pptxgenjs" */ "pptxgenjs");
  const pptx = renderDeck(plan, new PptxGenJS());
  const bytes = (await pptx.write({ outputType: "arraybuffer", compression: true })) as ArrayBuffer;
  return new Blob([bytes], { type: PPTX_TYPE });
}
