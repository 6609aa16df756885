import * as React from "react";
import type { Language, Mapping, Model } from "@symmetry/engine";
import {
  DEFAULT_LINKAGE_CHOICES,
  defaultSelection,
  linkageMetrics,
  type LinkageChoices,
  type MetricOption,
} from "../linkage/linkageRequest";
import { runLinkageAction, type LinkageOutcome, type LinkageProgress } from "../linkage/runLinkageAction";
import type { ApiSettings, WorkerLike } from "../linkage/runners";
import { saveMapping } from "../mapping/persistence";
import { format, stringsFor, type Strings } from "../i18n/strings";
import type { WorkbookPort } from "../workbook/WorkbookPort";
import type { PaneMessage } from "../components/ErrorBar";

export interface LinkageMetrics {
  readonly x: readonly MetricOption[];
  readonly y: readonly MetricOption[];
}

/** Progress text and share (0–1, undefined = indeterminate) shown by the linkage panel. */
export interface LinkageProgressView {
  readonly label: string;
  readonly value?: number;
}

export interface LinkageStep {
  /** The employee metrics and outcomes the mapping offers. */
  readonly metrics: LinkageMetrics;
  readonly choices: LinkageChoices;
  readonly setChoices: (choices: LinkageChoices) => void;
  /** Run on the API rather than in the pane's worker (only when an API is configured). */
  readonly onApi: boolean;
  readonly setOnApi: (onApi: boolean) => void;
  readonly progress: LinkageProgressView | null;
  /** The last run, null before the first one. */
  readonly linked: LinkageOutcome | null;
  readonly run: () => Promise<void>;
  readonly cancel: () => void;
}

export interface LinkageInputs {
  readonly port: WorkbookPort;
  readonly language: Language;
  readonly model: Model;
  /** The API with the user's tokens, or null (the linkage then runs in the pane). */
  readonly api: ApiSettings | null;
  /** The valid mapping, or null while the draft has issues. */
  readonly mapping: Mapping | null;
  readonly createWorker?: () => WorkerLike;
  readonly fetchFunction?: typeof fetch;
  readonly setMessage: (message: PaneMessage | null) => void;
  readonly fail: (error: unknown) => void;
}

function describeProgress(step: LinkageProgress | null, strings: Strings): LinkageProgressView | null {
  if (!step) return null;
  if (step.stage === "analysis") {
    return {
      label: format(step.onApi ? strings.linkageRunningApi : strings.linkageRunning, {
        units: step.units,
        percent: Math.round(step.percent),
      }),
      value: step.percent / 100,
    };
  }
  if (step.stage === "writing") return { label: strings.building.replace(/Barometer|Baromètre/, strings.linkageSheetName) };
  const population = step.stage === "employees" ? strings.employees : step.stage === "customers" ? strings.customers : strings.unitsSource;
  return {
    label: format(strings.linkageAggregating, {
      population,
      done: step.rowsRead.toLocaleString(),
      total: step.totalRows.toLocaleString(),
    }),
    value: step.totalRows > 0 ? step.rowsRead / step.totalRows : undefined,
  };
}

/** Step 5: pick metrics and outcomes, then run the linkage analysis (worker or API) and write the Linkage sheet. */
export function useLinkage(inputs: LinkageInputs): LinkageStep {
  const { port, language, model, mapping, setMessage, fail } = inputs;
  const [choices, setChoices] = React.useState<LinkageChoices>({ ...DEFAULT_LINKAGE_CHOICES, x: [], y: [] });
  const [progress, setProgress] = React.useState<LinkageProgress | null>(null);
  const [onApi, setOnApi] = React.useState(false);
  const [linked, setLinked] = React.useState<LinkageOutcome | null>(null);
  const abort = React.useRef<AbortController | null>(null);

  const metrics = React.useMemo(() => (mapping ? linkageMetrics(mapping, model, language) : { x: [], y: [] }), [mapping, model, language]);
  // A new mapping can drop metrics: keep the picks that still exist, or start from the defaults.
  React.useEffect(() => {
    setChoices((current) => {
      const known = (ids: readonly string[], options: readonly { id: string }[]) =>
        ids.filter((id) => options.some((option) => option.id === id));
      const x = known(current.x, metrics.x);
      const y = known(current.y, metrics.y);
      const fallback = defaultSelection(metrics);
      return { ...current, x: x.length > 0 ? x : fallback.x, y: y.length > 0 ? y : fallback.y };
    });
  }, [metrics]);

  const run = async () => {
    if (!mapping) return;
    const strings = stringsFor(language);
    const withLanguage = { ...mapping, language };
    const controller = new AbortController();
    abort.current = controller;
    setMessage(null);
    setProgress({ stage: "employees", rowsRead: 0, totalRows: 1 });
    const started = performance.now();
    const api = onApi ? inputs.api : null;
    try {
      await saveMapping(port, withLanguage);
      const outcome = await runLinkageAction(port, withLanguage, model, language, choices, {
        signal: controller.signal,
        onProgress: setProgress,
        ...(api ? { api } : {}),
        ...(inputs.createWorker ? { createWorker: inputs.createWorker } : {}),
        ...(inputs.fetchFunction ? { fetchFunction: inputs.fetchFunction } : {}),
      });
      setLinked(outcome);
      setMessage({
        intent: "success",
        text: format(strings.linkageDone, {
          units: outcome.result.units,
          excluded: outcome.result.excluded,
          pairs: outcome.result.correlations.length,
          bootstrap: outcome.result.bootstrap,
          seed: outcome.result.seed,
          seconds: ((performance.now() - started) / 1000).toFixed(1),
          where: outcome.ranOn === "api" ? strings.linkageOnApi : strings.linkageLocally,
        }),
      });
    } catch (error) {
      fail(error);
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  return {
    metrics,
    choices,
    setChoices,
    onApi,
    setOnApi,
    progress: describeProgress(progress, stringsFor(language)),
    linked,
    run,
    cancel: () => abort.current?.abort(),
  };
}
