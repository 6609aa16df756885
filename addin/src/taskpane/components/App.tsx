import * as React from "react";
import { Divider, MessageBar, MessageBarBody, Title2 } from "@fluentui/react-components";
import { DEFAULT_MODEL, type ColumnMapping, type Language, type Population, type Scale } from "@symmetry/engine";
import { buildBarometer, type BuildProgress, type BuildResult } from "../barometer/buildBarometer";
import { locateSource, type SourceGeometry, type SourceLocation } from "../data/sourceGeometry";
import { checkDraft, draftFromMapping, suggestDraft, type MappingDraft } from "../mapping/draft";
import { loadMapping, saveMapping } from "../mapping/persistence";
import { loadModel, readSettings, writeSettings, type KeyValueStore, type LoadedModel, type ModelSettings } from "../model/modelSource";
import { format, stringsFor } from "../i18n/strings";
import { describeFailure } from "../messages";
import type { WorkbookPort } from "../workbook/WorkbookPort";
import { BuildPanel } from "./BuildPanel";
import { ErrorBar, type PaneMessage } from "./ErrorBar";
import { LanguageSwitch } from "./LanguageSwitch";
import { MappingGrid } from "./MappingGrid";
import { ModelPanel } from "./ModelPanel";
import { SourcePicker, type SourceChoices } from "./SourcePicker";
import { UnitsMapping } from "./UnitsMapping";
import { LinkagePanel } from "./LinkagePanel";
import { BenchmarkPanel } from "./BenchmarkPanel";
import { suggestUnitsColumns } from "../mapping/unitsColumns";
import { DEFAULT_LINKAGE_CHOICES, defaultSelection, linkageMetrics, type LinkageChoices } from "../linkage/linkageRequest";
import { runLinkageAction, type LinkageOutcome, type LinkageProgress } from "../linkage/runLinkageAction";
import type { WorkerLike } from "../linkage/runners";
import { benchmarkColumn, contributionOf, fetchPool, organisationFigures, postContribution } from "../benchmark/benchmarkPool";

export interface AppProps {
  readonly port: WorkbookPort;
  readonly initialLanguage: Language;
  /** The preview shows a language switch; inside Office the pane follows the display language. */
  readonly showLanguageSwitch?: boolean;
  readonly store: KeyValueStore;
  readonly fetchFunction?: typeof fetch;
  /** Rendered under the pane after a build (the preview's grid and charts). */
  readonly renderBuilt?: (result: BuildResult, language: Language) => React.ReactNode;
  /** Rendered under the pane after a linkage run (the preview's Linkage grid and charts). */
  readonly renderLinked?: (outcome: LinkageOutcome, language: Language) => React.ReactNode;
  /** The linkage worker (a real Worker by default). */
  readonly createWorker?: () => WorkerLike;
  readonly banner?: string;
}

const EMPLOYEE_SHEET = /employ|salari|staff|collab/i;
const CUSTOMER_SHEET = /custom|client/i;
const UNIT_SHEET = /^unit|^unité|^store|^magasin/i;

function guess(choices: SourceChoices, pattern: RegExp): SourceLocation | null {
  const table = choices.tables.find((candidate) => pattern.test(candidate.name) || pattern.test(candidate.sheet));
  if (table) return { sheet: table.sheet, table: table.name };
  const sheet = choices.sheets.find((candidate) => pattern.test(candidate.name));
  return sheet ? { sheet: sheet.name } : null;
}

/** The task pane: find the data, map the columns, build the live Barometer sheet. */
export function App(props: AppProps): React.ReactElement {
  const { port, store } = props;
  const [language, setLanguage] = React.useState<Language>(props.initialLanguage);
  const strings = stringsFor(language);
  const [choices, setChoices] = React.useState<SourceChoices>({ sheets: [], tables: [] });
  const [sources, setSources] = React.useState<Record<"employees" | "customers" | "units", SourceLocation | null>>({
    employees: null,
    customers: null,
    units: null,
  });
  const [draft, setDraft] = React.useState<MappingDraft | null>(null);
  const [geometries, setGeometries] = React.useState<Partial<Record<Population, SourceGeometry>>>({});
  const [unitsHeaders, setUnitsHeaders] = React.useState<string[]>([]);
  const [unmapped, setUnmapped] = React.useState<string[]>([]);
  const [settings, setSettings] = React.useState<ModelSettings>(() => readSettings(store));
  const [loadedModel, setLoadedModel] = React.useState<LoadedModel>({ model: DEFAULT_MODEL, origin: "embedded" });
  const [progress, setProgress] = React.useState<BuildProgress | null>(null);
  const [message, setMessage] = React.useState<PaneMessage | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [built, setBuilt] = React.useState<{ result: BuildResult; milliseconds: number } | null>(null);
  const abort = React.useRef<AbortController | null>(null);
  const [linkageChoices, setLinkageChoices] = React.useState<LinkageChoices>({ ...DEFAULT_LINKAGE_CHOICES, x: [], y: [] });
  const [linkageProgress, setLinkageProgress] = React.useState<LinkageProgress | null>(null);
  const [linkageOnApi, setLinkageOnApi] = React.useState(false);
  const [linked, setLinked] = React.useState<LinkageOutcome | null>(null);
  const linkageAbort = React.useRef<AbortController | null>(null);
  const model = loadedModel.model;

  const fail = React.useCallback((error: unknown) => setMessage(describeFailure(error, stringsFor(language), language)), [language]);

  const refresh = React.useCallback(async () => {
    const next = { sheets: await port.listSheets(), tables: await port.listTables() };
    setChoices(next);
    return next;
  }, [port]);

  // On open: list the data, reload the mapping saved in the workbook, load the configured model.
  React.useEffect(() => {
    let live = true;
    (async () => {
      const found = await refresh();
      const saved = await loadMapping(port);
      if (!live) return;
      if (saved) {
        setDraft(draftFromMapping(saved));
        setSources({ employees: saved.employees, customers: saved.customers, units: saved.units ?? null });
        setGeometries({
          employees: await locateSource(port, saved.employees),
          customers: await locateSource(port, saved.customers),
        });
        setMessage({ intent: "success", text: stringsFor(props.initialLanguage).mappingLoaded });
      } else {
        setSources({ employees: guess(found, EMPLOYEE_SHEET), customers: guess(found, CUSTOMER_SHEET), units: guess(found, UNIT_SHEET) });
      }
    })().catch((error) => live && fail(error));
    if (settings.apiUrl) loadModel(settings, store, props.fetchFunction).then(setLoadedModel, fail);
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the pane opens
  }, []);

  React.useEffect(() => {
    if (!sources.units) {
      setUnitsHeaders([]);
      return;
    }
    locateSource(port, sources.units).then((geometry) => setUnitsHeaders(geometry.headers.filter(Boolean)), fail);
  }, [port, sources.units, fail]);

  const check = React.useMemo(() => (draft ? checkDraft(draft, geometries) : null), [draft, geometries]);

  const suggest = async () => {
    if (!sources.employees || !sources.customers) return;
    setBusy(true);
    setMessage(null);
    try {
      const employees = { location: sources.employees, geometry: await locateSource(port, sources.employees) };
      const customers = { location: sources.customers, geometry: await locateSource(port, sources.customers) };
      const suggestion = suggestDraft(model, language, employees, customers);
      const unitsLocation = sources.units;
      const units = unitsLocation ? suggestUnitsColumns(unitsLocation, unitsHeaders) : null;
      if (units) suggestion.draft.units = units;
      setDraft(suggestion.draft);
      setGeometries({ employees: employees.geometry, customers: customers.geometry });
      setUnmapped([...suggestion.unmapped.employees, ...suggestion.unmapped.customers]);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const updateColumn = (population: Population) => (index: number, column: ColumnMapping) =>
    setDraft((current) => {
      if (!current) return current;
      const columns = current[population].columns.map((existing, position) => (position === index ? column : existing));
      return { ...current, [population]: { ...current[population], columns } };
    });
  const updateScale = (population: Population) => (scale: Scale) =>
    setDraft((current) => (current ? { ...current, scales: { ...current.scales, [population]: scale } } : current));

  const save = async () => {
    if (!check?.mapping) return;
    try {
      await saveMapping(port, check.mapping);
      setMessage({ intent: "success", text: strings.mappingSaved });
    } catch (error) {
      fail(error);
    }
  };

  const build = async () => {
    if (!check?.mapping) return;
    const mapping = { ...check.mapping, language };
    const controller = new AbortController();
    abort.current = controller;
    setMessage(null);
    setProgress({ stage: "employees", rowsRead: 0, totalRows: 1 });
    const started = performance.now();
    try {
      await saveMapping(port, mapping);
      const api = settings.apiUrl ? { apiUrl: settings.apiUrl, ...(settings.apiKey ? { apiKey: settings.apiKey } : {}) } : null;
      const sector = settings.sector?.trim();
      const result = await buildBarometer(port, mapping, model, language, {
        signal: controller.signal,
        onProgress: setProgress,
        // With an API and a sector, the Barometer shows the percentile ranks in the pool.
        benchmark: async (employees, customers) =>
          api && sector
            ? benchmarkColumn(
                await fetchPool(api, model.id, sector, props.fetchFunction),
                organisationFigures(employees.aggregate, customers.aggregate, model, mapping),
                sector,
                language,
              )
            : null,
      });
      const milliseconds = performance.now() - started;
      setBuilt({ result, milliseconds });
      setMessage({
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
      });
    } catch (error) {
      fail(error);
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  const loadConfiguredModel = async (next: ModelSettings) => {
    setBusy(true);
    try {
      // Sector and wave belong to the benchmark panel: keep them.
      const merged = {
        ...next,
        ...(settings.sector ? { sector: settings.sector } : {}),
        ...(settings.wave ? { wave: settings.wave } : {}),
      };
      writeSettings(store, merged);
      setSettings(merged);
      setLoadedModel(await loadModel(next, store, props.fetchFunction));
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const metrics = React.useMemo(
    () => (check?.mapping ? linkageMetrics(check.mapping, model, language) : { x: [], y: [] }),
    [check, model, language],
  );
  // A new mapping can drop metrics: keep the picks that still exist, or start from the defaults.
  React.useEffect(() => {
    setLinkageChoices((current) => {
      const known = (ids: readonly string[], options: readonly { id: string }[]) =>
        ids.filter((id) => options.some((option) => option.id === id));
      const x = known(current.x, metrics.x);
      const y = known(current.y, metrics.y);
      const fallback = defaultSelection(metrics);
      return { ...current, x: x.length > 0 ? x : fallback.x, y: y.length > 0 ? y : fallback.y };
    });
  }, [metrics]);

  const runLinkage = async () => {
    if (!check?.mapping) return;
    const mapping = { ...check.mapping, language };
    const controller = new AbortController();
    linkageAbort.current = controller;
    setMessage(null);
    setLinkageProgress({ stage: "employees", rowsRead: 0, totalRows: 1 });
    const started = performance.now();
    const onApi = linkageOnApi && Boolean(settings.apiUrl);
    try {
      await saveMapping(port, mapping);
      const outcome = await runLinkageAction(port, mapping, model, language, linkageChoices, {
        signal: controller.signal,
        onProgress: setLinkageProgress,
        ...(onApi ? { api: { apiUrl: settings.apiUrl!, ...(settings.apiKey ? { apiKey: settings.apiKey } : {}) } } : {}),
        ...(props.createWorker ? { createWorker: props.createWorker } : {}),
        ...(props.fetchFunction ? { fetchFunction: props.fetchFunction } : {}),
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
      linkageAbort.current = null;
      setLinkageProgress(null);
    }
  };

  const linkageProgressView = (() => {
    const step = linkageProgress;
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
    const population =
      step.stage === "employees" ? strings.employees : step.stage === "customers" ? strings.customers : strings.unitsSource;
    return {
      label: format(strings.linkageAggregating, {
        population,
        done: step.rowsRead.toLocaleString(),
        total: step.totalRows.toLocaleString(),
      }),
      value: step.totalRows > 0 ? step.rowsRead / step.totalRows : undefined,
    };
  })();

  const contribution = React.useMemo(() => {
    if (!built || !check?.mapping || !settings.sector?.trim() || !settings.wave?.trim()) return null;
    try {
      const figures = organisationFigures(built.result.employees.aggregate, built.result.customers.aggregate, model, check.mapping);
      return contributionOf(figures, model, check.mapping, settings.sector.trim(), settings.wave.trim());
    } catch {
      return null; // under the threshold or an invalid sector: the button stays disabled
    }
  }, [built, check, model, settings.sector, settings.wave]);

  const contribute = async () => {
    if (!contribution || !settings.apiUrl) return;
    try {
      await postContribution(
        { apiUrl: settings.apiUrl, ...(settings.apiKey ? { apiKey: settings.apiKey } : {}) },
        model.id,
        contribution,
        props.fetchFunction,
      );
      setMessage({ intent: "success", text: format(strings.contributed, { sector: contribution.sector, wave: contribution.wave }) });
    } catch (error) {
      fail(error);
    }
  };

  const updateBenchmark = (next: { sector: string; wave: string }) => {
    const merged: ModelSettings = {
      ...settings,
      ...(next.sector ? { sector: next.sector } : { sector: undefined }),
      ...(next.wave ? { wave: next.wave } : { wave: undefined }),
    };
    const cleaned = Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined)) as ModelSettings;
    writeSettings(store, cleaned);
    setSettings(cleaned);
  };

  const issueCount = check?.issues.length ?? 0;
  return (
    <main className="sym-pane" lang={language} data-build-ms={built ? Math.round(built.milliseconds) : undefined}>
      <header className="sym-header">
        <Title2 as="h1">{strings.appTitle}</Title2>
        {props.showLanguageSwitch ? <LanguageSwitch label={strings.language} language={language} onChange={setLanguage} /> : null}
      </header>
      {props.banner ? (
        <MessageBar intent="info">
          <MessageBarBody>{props.banner}</MessageBarBody>
        </MessageBar>
      ) : null}
      <ErrorBar message={message} dismissLabel={strings.dismiss} onDismiss={() => setMessage(null)} />
      <SourcePicker
        strings={strings}
        choices={choices}
        employees={sources.employees}
        customers={sources.customers}
        units={sources.units}
        busy={busy || progress !== null}
        onChange={(which, location) => setSources((current) => ({ ...current, [which]: location }))}
        onRefresh={() => void refresh().catch(fail)}
        onSuggest={() => void suggest()}
      />
      <Divider />
      <ModelPanel
        strings={strings}
        loaded={loadedModel}
        settings={settings}
        busy={busy}
        onLoad={(next) => void loadConfiguredModel(next)}
      />
      {draft ? (
        <>
          <Divider />
          <section aria-labelledby="mapping-heading" className="sym-section">
            <h2 id="mapping-heading">{strings.mappingHeading}</h2>
            <p role="status" data-testid="mapping-status">
              {issueCount === 0 ? strings.mappingValid : format(strings.mappingInvalid, { count: issueCount })}
            </p>
            {check?.issues
              .filter((issue) => !/^(employees|customers)\.columns\./.test(issue.path))
              .map((issue) => (
                <p key={issue.path + issue.message} role="alert" className="sym-issue">
                  {issue.message}
                </p>
              ))}
            {unmapped.length > 0 ? <p>{format(strings.unmapped, { headers: unmapped.join(", ") })}</p> : null}
            {(["employees", "customers"] as const).map((population) => (
              <MappingGrid
                key={population}
                strings={strings}
                language={language}
                model={model}
                population={population}
                columns={draft[population].columns}
                scale={draft.scales[population]}
                issues={check?.issues ?? []}
                onColumnChange={updateColumn(population)}
                onScaleChange={updateScale(population)}
              />
            ))}
            {draft.units ? (
              <UnitsMapping
                strings={strings}
                headers={unitsHeaders}
                units={draft.units}
                onChange={(units) => setDraft((current) => (current ? { ...current, units } : current))}
              />
            ) : null}
          </section>
          <Divider />
          <BuildPanel
            strings={strings}
            canBuild={Boolean(check?.mapping)}
            progress={progress}
            onBuild={() => void build()}
            onCancel={() => abort.current?.abort()}
            onSave={() => void save()}
          />
          <Divider />
          <LinkagePanel
            strings={strings}
            metrics={metrics}
            choices={linkageChoices}
            onChange={setLinkageChoices}
            {...(settings.apiUrl ? { apiUrl: settings.apiUrl } : {})}
            onApi={linkageOnApi}
            onApiChange={setLinkageOnApi}
            disabled={!check?.mapping || progress !== null}
            progress={linkageProgressView}
            onRun={() => void runLinkage()}
            onCancel={() => linkageAbort.current?.abort()}
          />
          {settings.apiUrl ? (
            <>
              <Divider />
              <BenchmarkPanel
                strings={strings}
                sector={settings.sector ?? ""}
                wave={settings.wave ?? ""}
                onChange={updateBenchmark}
                contribution={contribution}
                canContribute={Boolean(settings.apiUrl)}
                onContribute={() => void contribute()}
              />
            </>
          ) : null}
        </>
      ) : null}
      {built && props.renderBuilt ? props.renderBuilt(built.result, language) : null}
      {linked && props.renderLinked ? props.renderLinked(linked, language) : null}
    </main>
  );
}
