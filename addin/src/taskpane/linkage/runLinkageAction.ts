import type { Language, LinkageRequest, LinkageResult, Mapping, Model, UnitRow } from "@symmetry/engine";
import { applyLayout } from "../barometer/applyLayout";
import type { NamedRange, WorkbookPort } from "../workbook/WorkbookPort";
import { aggregateUnits, type UnitAggregationProgress } from "./aggregateUnits";
import { LINKAGE_AREA_NAME, linkageLayout, type LinkageLayout } from "./layout";
import { linkageRequestOf, type LinkageChoices } from "./linkageRequest";
import { runLinkageInWorker, runLinkageOnApi, type ApiSettings, type WorkerLike } from "./runners";

/**
 * The task pane's "Linkage" action: aggregate the mapped data per unit, run the analysis in a Web
 * Worker or as an API job, and write the Linkage sheet (Liaison in French) in place.
 */

export type LinkageProgress =
  | UnitAggregationProgress
  | { readonly stage: "analysis"; readonly percent: number; readonly units: number; readonly onApi: boolean }
  | { readonly stage: "writing" };

export interface LinkageActionOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: LinkageProgress) => void;
  /** Run as an API job instead of in the pane's worker. */
  readonly api?: ApiSettings;
  readonly createWorker?: () => WorkerLike;
  readonly fetchFunction?: typeof fetch;
  readonly pollMilliseconds?: number;
}

export interface LinkageOutcome {
  readonly area: NamedRange;
  readonly layout: LinkageLayout;
  readonly result: LinkageResult;
  readonly request: LinkageRequest;
  readonly units: readonly UnitRow[];
  readonly ranOn: "worker" | "api";
}

export async function runLinkageAction(
  port: WorkbookPort,
  mapping: Mapping,
  model: Model,
  language: Language,
  choices: LinkageChoices,
  options: LinkageActionOptions = {},
): Promise<LinkageOutcome> {
  const { units } = await aggregateUnits(port, mapping, model, {
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (progress) => options.onProgress?.(progress),
  });
  const planned = linkageRequestOf(units, choices, mapping, model, language);
  const minN = { ...model.thresholds, ...mapping.thresholds }.minGroupSize;
  const kept = units.filter((unit) => unit.employeesN >= minN).length;
  const ranOn = options.api ? "api" : "worker";
  const onProgress = (percent: number) => options.onProgress?.({ stage: "analysis", percent, units: kept, onApi: ranOn === "api" });
  const runOptions = { ...(options.signal ? { signal: options.signal } : {}), onProgress };
  const result = options.api
    ? await runLinkageOnApi(planned.request, options.api, {
        ...runOptions,
        ...(options.fetchFunction ? { fetchFunction: options.fetchFunction } : {}),
        ...(options.pollMilliseconds ? { pollMilliseconds: options.pollMilliseconds } : {}),
      })
    : await runLinkageInWorker(planned.request, runOptions, options.createWorker);
  options.onProgress?.({ stage: "writing" });
  const notes = [planned.driversSkipped, planned.turnoverSkipped].filter((note): note is string => Boolean(note));
  const layout = linkageLayout({ result, units, model, language, minN, ranOn, notes });
  const area = await applyLayout(port, layout, LINKAGE_AREA_NAME);
  return { area, layout, result, request: planned.request, units, ranOn };
}
