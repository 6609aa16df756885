import * as React from "react";
import { Divider, MessageBar, MessageBarBody, Title2 } from "@fluentui/react-components";
import type { Language } from "@symmetry/engine";
import type { BuildResult } from "../barometer/buildBarometer";
import { stringsFor } from "../i18n/strings";
import type { KeyValueStore } from "../model/modelSource";
import type { LinkageOutcome } from "../linkage/runLinkageAction";
import type { WorkerLike } from "../linkage/runners";
import type { WorkbookPort } from "../workbook/WorkbookPort";
import { usePaneMessage } from "../hooks/usePaneMessage";
import { useSources } from "../hooks/useSources";
import { useModel } from "../hooks/useModel";
import { useMappingDraft } from "../hooks/useMappingDraft";
import { useRestoreOnOpen } from "../hooks/useRestoreOnOpen";
import { useBuild } from "../hooks/useBuild";
import { useLinkage } from "../hooks/useLinkage";
import { useBenchmark } from "../hooks/useBenchmark";
import { useSignIn, type UseSignInOptions } from "../auth/useSignIn";
import { SignInControl } from "../auth/SignInControl";
import { BenchmarkPanel } from "./BenchmarkPanel";
import { BuildPanel } from "./BuildPanel";
import { ExportDeckPanel } from "./ExportDeckPanel";
import { ErrorBar } from "./ErrorBar";
import { LanguageSwitch } from "./LanguageSwitch";
import { LinkagePanel } from "./LinkagePanel";
import { MappingPanel } from "./MappingPanel";
import { ModelPanel } from "./ModelPanel";
import { SourcePicker } from "./SourcePicker";
import { InstallationPanel } from "./InstallationPanel";
import { checkInstallation, type InstallationEnvironment } from "../install/installationCheck";

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
  /** Host and requirement-set probe for "Check this installation" (absent in the preview). */
  readonly installation?: Pick<InstallationEnvironment, "host" | "isSetSupported">;
  /** Sign-in settings and client (default: this build's settings and MSAL). */
  readonly signIn?: UseSignInOptions;
}

/**
 * The task pane: find the data, map the columns, build the live Barometer sheet, run the linkage
 * and take part in the benchmark. Each step's state and actions live in its hook (`../hooks`);
 * this component only lays out the panels.
 */
export function App(props: AppProps): React.ReactElement {
  const { port, store, fetchFunction } = props;
  const [language, setLanguage] = React.useState<Language>(props.initialLanguage);
  const strings = stringsFor(language);
  const { message, setMessage, fail } = usePaneMessage(language);
  const sources = useSources(port, fail);
  const signIn = useSignIn(props.signIn);
  const modelStep = useModel(store, signIn, fetchFunction, fail);
  const { settings, model, api } = modelStep;
  const mapping = useMappingDraft({ port, language, model, sources, setMessage, fail });
  useRestoreOnOpen(port, props.initialLanguage, sources, mapping, setMessage, fail);
  const validMapping = mapping.check?.mapping ?? null;
  const steps = { port, language, model, settings, api, mapping: validMapping, fetchFunction, setMessage, fail };
  const building = useBuild(steps);
  const linkage = useLinkage({ ...steps, ...(props.createWorker ? { createWorker: props.createWorker } : {}) });
  const benchmark = useBenchmark({ ...steps, model: modelStep, built: building.built });
  const { built, progress } = building;
  const { draft } = mapping;

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
        choices={sources.choices}
        employees={sources.sources.employees}
        customers={sources.sources.customers}
        units={sources.sources.units}
        busy={mapping.suggesting || modelStep.loading || progress !== null}
        onChange={sources.choose}
        onRefresh={() => void sources.refresh().catch(fail)}
        onSuggest={() => void mapping.suggest()}
      />
      <Divider />
      <SignInControl strings={strings} signIn={signIn} />
      <ModelPanel
        strings={strings}
        loaded={modelStep.loaded}
        settings={settings}
        busy={mapping.suggesting || modelStep.loading}
        onLoad={(next) => void modelStep.load(next)}
      />
      {draft ? (
        <>
          <Divider />
          <MappingPanel
            strings={strings}
            language={language}
            model={model}
            draft={draft}
            mapping={mapping}
            unitsHeaders={sources.unitsHeaders}
          />
          <Divider />
          <BuildPanel
            strings={strings}
            canBuild={Boolean(validMapping)}
            progress={progress}
            onBuild={() => void building.build()}
            onCancel={building.cancel}
            onSave={() => void mapping.save()}
          />
          {built && validMapping ? <ExportDeckPanel built={built.result} model={model} mapping={validMapping} language={language} /> : null}
          <Divider />
          <LinkagePanel
            strings={strings}
            metrics={linkage.metrics}
            choices={linkage.choices}
            onChange={linkage.setChoices}
            {...(api ? { apiUrl: api.apiUrl } : {})}
            onApi={linkage.onApi}
            onApiChange={linkage.setOnApi}
            disabled={!validMapping || progress !== null}
            progress={linkage.progress}
            onRun={() => void linkage.run()}
            onCancel={linkage.cancel}
          />
          {api ? (
            <>
              <Divider />
              <BenchmarkPanel
                strings={strings}
                sector={settings.sector ?? ""}
                wave={settings.wave ?? ""}
                onChange={benchmark.update}
                contribution={benchmark.contribution}
                canContribute
                onContribute={() => void benchmark.contribute()}
              />
            </>
          ) : null}
        </>
      ) : null}
      <Divider />
      <InstallationPanel
        strings={strings}
        onCheck={() =>
          checkInstallation({
            ...props.installation,
            port,
            strings,
            pageUrl: window.location.href,
            // /health is anonymous: the check sends no credentials.
            ...(settings.apiUrl ? { api: { url: settings.apiUrl } } : {}),
            ...(props.fetchFunction ? { fetchFunction: props.fetchFunction } : {}),
          })
        }
      />
      {built && props.renderBuilt ? props.renderBuilt(built.result, language) : null}
      {linkage.linked && props.renderLinked ? props.renderLinked(linkage.linked, language) : null}
    </main>
  );
}
