import * as React from "react";
import type { Language, Mapping, Model } from "@symmetry/engine";
import { buildBarometer, type BuildProgress, type BuildResult } from "../barometer/buildBarometer";
import { benchmarkColumn, fetchPool, organisationFigures } from "../benchmark/benchmarkPool";
import { saveMapping } from "../mapping/persistence";
import { format, stringsFor, type Strings } from "../i18n/strings";
import type { ModelSettings } from "../model/modelSource";
import type { ApiSettings } from "../linkage/runners";
import type { WorkbookPort } from "../workbook/WorkbookPort";
import type { PaneMessage } from "../components/ErrorBar";

export interface BuiltBarometer {
  readonly result: BuildResult;
  readonly milliseconds: number;
}

export interface BuildStep {
  /** Reading or writing progress, null when no build runs. */
  readonly progress: BuildProgress | null;
  /** The last build, null before the first one. */
  readonly built: BuiltBarometer | null;
  readonly build: () => Promise<void>;
  readonly cancel: () => void;
}

export interface BuildInputs {
  readonly port: WorkbookPort;
  readonly language: Language;
  readonly model: Model;
  readonly settings: ModelSettings;
  /** The API with the user's tokens, or null (no pool percentiles then). */
  readonly api: ApiSettings | null;
  /** The valid mapping, or null while the draft has issues. */
  readonly mapping: Mapping | null;
  readonly fetchFunction?: typeof fetch;
  readonly setMessage: (message: PaneMessage | null) => void;
  readonly fail: (error: unknown) => void;
}

/** What the pane says after a build: counts and time, then unpaired dimensions, benchmark and recalculation warnings. */
function builtMessage(result: BuildResult, milliseconds: number, strings: Strings): PaneMessage {
  return {
    intent: result.layout.unpaired.length > 0 || !result.liveFits ? "warning" : "success",
    text:
      format(strings.built, {
        dimensions: result.layout.anchors.dimensionIds.length,
        employees: result.employees.respondents,
        customers: result.customers.respondents,
        seconds: (milliseconds / 1000).toFixed(1),
      }) +
      (result.layout.unpaired.length > 0 ? ` ${strings.warning}: ${result.layout.unpaired.join(", ")} (1 population).` : "") +
      (result.benchmark ? ` ${result.benchmark.message}` : "") +
      (result.liveFits
        ? ""
        : ` ${format(strings.heavyRecalc, {
            cells: (result.recalc.cellsPerRecalc / 1e6).toFixed(1),
            megabytes: (result.recalc.largestCallBytes / 1024 / 1024).toFixed(1),
          })}`),
  };
}

/** Step 4: build (or refresh) the live Barometer sheet from the saved mapping, cancellable while reading. */
export function useBuild({ port, language, model, settings, api, mapping, fetchFunction, setMessage, fail }: BuildInputs): BuildStep {
  const [progress, setProgress] = React.useState<BuildProgress | null>(null);
  const [built, setBuilt] = React.useState<BuiltBarometer | null>(null);
  const abort = React.useRef<AbortController | null>(null);

  const build = async () => {
    if (!mapping) return;
    const withLanguage = { ...mapping, language };
    const controller = new AbortController();
    abort.current = controller;
    setMessage(null);
    setProgress({ stage: "employees", rowsRead: 0, totalRows: 1 });
    const started = performance.now();
    try {
      await saveMapping(port, withLanguage);
      const sector = settings.sector?.trim();
      const result = await buildBarometer(port, withLanguage, model, language, {
        signal: controller.signal,
        onProgress: setProgress,
        // With an API and a sector, the Barometer shows the percentile ranks in the pool.
        benchmark: async (employees, customers) =>
          api && sector
            ? benchmarkColumn(
                await fetchPool(api, model.id, sector, fetchFunction),
                organisationFigures(employees.aggregate, customers.aggregate, model, withLanguage),
                sector,
                language,
              )
            : null,
      });
      const milliseconds = performance.now() - started;
      setBuilt({ result, milliseconds });
      setMessage(builtMessage(result, milliseconds, stringsFor(language)));
    } catch (error) {
      fail(error);
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  return { progress, built, build, cancel: () => abort.current?.abort() };
}
