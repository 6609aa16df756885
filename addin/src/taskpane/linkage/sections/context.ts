import type { Language, LinkageResult, Model, UnitRow } from "@symmetry/engine";
import { stringsFor, type Strings } from "../../i18n/strings";
import { metricLabel } from "../linkageRequest";

/** What every Linkage section needs: the result, the units, the strings and the metric labels. */

export interface LinkageLayoutInput {
  readonly result: LinkageResult;
  readonly units: readonly UnitRow[];
  readonly model: Model;
  readonly language: Language;
  readonly minN: number;
  readonly ranOn: "worker" | "api";
  readonly notes?: readonly string[];
}

export interface LinkageContext {
  readonly input: LinkageLayoutInput;
  readonly result: LinkageResult;
  readonly text: Strings;
  readonly label: (id: string) => string;
}

export function linkageContext(input: LinkageLayoutInput): LinkageContext {
  return { input, result: input.result, text: stringsFor(input.language), label: (id) => metricLabel(id, input.model, input.language) };
}

/** A JavaScript null for a missing figure (written as a blank cell). */
export function orNull(value: number | null): number | null {
  return value === null ? null : value;
}
