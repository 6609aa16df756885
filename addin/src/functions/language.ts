import { DEFAULT_MODEL, type GapChangeStatus, type GapVerdict } from "@symmetry/engine";
import { metadataLanguage } from "./metadataLocales";

/** Gap status words as the analyst reads them (docs/domain.md#gap-status: alert / watch / ok). */
const STATUS_TEXT: Record<"en" | "fr", Record<GapVerdict, string>> = {
  en: { alert: "alert", watch: "watch", ok: "ok" },
  fr: { alert: "alerte", watch: "vigilance", ok: "ok" },
};

/** Words for the change of a gap between waves (docs/domain.md#gap-change-status: narrowed / widened / stable). */
const CHANGE_TEXT: Record<"en" | "fr", Record<GapChangeStatus, string>> = {
  en: { narrowed: "narrowed", widened: "widened", stable: "stable" },
  fr: { narrowed: "réduit", widened: "creusé", stable: "stable" },
};

/**
 * The language of the functions metadata Excel loaded for the display language, "fr" or "en":
 * status words follow the function names (a French locale without the French metadata gets
 * English names, so English words). Read at call time (never at import, so plain Node can load
 * the functions), and English whenever Office.js is absent or not ready.
 */
export function displayLanguage(): "fr" | "en" {
  try {
    const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
    const language = office?.context?.displayLanguage;
    return metadataLanguage(typeof language === "string" ? language : undefined);
  } catch {
    return "en"; // Office.context throws before Office.onReady in some hosts
  }
}

/** The gap status in the display language: "alert"/"watch"/"ok" or "alerte"/"vigilance"/"ok". */
export function statusText(status: GapVerdict, language = displayLanguage()): string {
  return STATUS_TEXT[language][status];
}

/** The change status in the display language: "narrowed"/"widened"/"stable" or "réduit"/"creusé"/"stable". */
export function changeStatusText(status: GapChangeStatus, language = displayLanguage()): string {
  return CHANGE_TEXT[language][status];
}

/** What a hidden figure shows in a spilled heat map: the same dot as the CLI's tables. */
export const HIDDEN_FIGURE = "·";

/** The count of a hidden group (docs/domain.md#confidentiality: its exact size is a figure too). */
export function fewerThanText(minimum: number, language = displayLanguage()): string {
  return language === "fr" ? `moins de ${minimum}` : `fewer than ${minimum}`;
}

/** A unit type id ("front-office", "support") as the default model labels it in the display language. */
export function unitTypeText(type: string, language = displayLanguage()): string {
  return DEFAULT_MODEL.unitAttributes.find((attribute) => attribute.id === type)?.label[language] ?? type;
}

/** The label of the support − front office row of a heat map by type (the same words in French). */
export const SUPPORT_MINUS_FRONT = "Support − front office";
