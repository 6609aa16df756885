import * as React from "react";
import type { BenchmarkContributionInput, Language, Mapping } from "@symmetry/engine";
import { contributionOf, organisationFigures, postContribution } from "../benchmark/benchmarkPool";
import { format, stringsFor } from "../i18n/strings";
import type { ModelSettings } from "../model/modelSource";
import type { PaneMessage } from "../components/ErrorBar";
import type { ModelStep } from "./useModel";
import type { BuiltBarometer } from "./useBuild";

export interface BenchmarkStep {
  /** What this organisation would send to the pool, null when it cannot (no build, sector or wave, or under the threshold). */
  readonly contribution: BenchmarkContributionInput | null;
  readonly contribute: () => Promise<void>;
  /** Saves the sector and wave (an empty value removes it). */
  readonly update: (next: { sector: string; wave: string }) => void;
}

export interface BenchmarkInputs {
  readonly language: Language;
  readonly model: ModelStep;
  readonly built: BuiltBarometer | null;
  /** The valid mapping, or null while the draft has issues. */
  readonly mapping: Mapping | null;
  readonly fetchFunction?: typeof fetch;
  readonly setMessage: (message: PaneMessage | null) => void;
  readonly fail: (error: unknown) => void;
}

/** Step 6: the sector and wave of the benchmark pool, and this organisation's contribution to it. */
export function useBenchmark({
  language,
  model: modelStep,
  built,
  mapping,
  fetchFunction,
  setMessage,
  fail,
}: BenchmarkInputs): BenchmarkStep {
  const { settings, saveSettings, model } = modelStep;

  const contribution = React.useMemo(() => {
    if (!built || !mapping || !settings.sector?.trim() || !settings.wave?.trim()) return null;
    try {
      const figures = organisationFigures(built.result.employees.aggregate, built.result.customers.aggregate, model, mapping);
      return contributionOf(figures, model, mapping, settings.sector.trim(), settings.wave.trim());
    } catch {
      return null; // under the threshold or an invalid sector: the button stays disabled
    }
  }, [built, mapping, model, settings.sector, settings.wave]);

  const contribute = async () => {
    const api = modelStep.api;
    if (!contribution || !api) return;
    try {
      await postContribution(api, model.id, contribution, fetchFunction);
      setMessage({
        intent: "success",
        text: format(stringsFor(language).contributed, { sector: contribution.sector, wave: contribution.wave }),
      });
    } catch (error) {
      fail(error);
    }
  };

  const update = (next: { sector: string; wave: string }) => {
    const merged: ModelSettings = {
      ...settings,
      ...(next.sector ? { sector: next.sector } : { sector: undefined }),
      ...(next.wave ? { wave: next.wave } : { wave: undefined }),
    };
    saveSettings(Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined)) as ModelSettings);
  };

  return { contribution, contribute, update };
}
