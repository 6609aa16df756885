import * as React from "react";
import { DEFAULT_MODEL, type Model } from "@symmetry/engine";
import {
  eraseStoredApiKey,
  loadModel,
  readSettings,
  writeSettings,
  type KeyValueStore,
  type LoadedModel,
  type ModelSettings,
} from "../model/modelSource";
import type { ApiSettings } from "../linkage/runners";
import type { SignInState } from "../auth/useSignIn";

export interface ModelStep {
  /** API, model and benchmark settings, kept in the pane's store. */
  readonly settings: ModelSettings;
  /** Replaces the settings and writes them to the store. */
  readonly saveSettings: (settings: ModelSettings) => void;
  readonly loaded: LoadedModel;
  readonly model: Model;
  /** True while a configured model is being fetched. */
  readonly loading: boolean;
  /** Saves API URL and model id, then loads that model (the benchmark's sector and wave are kept). */
  readonly load: (next: ModelSettings) => Promise<void>;
  /** The API and the signed-in user's tokens, or null without an API URL or a signed-in user. */
  readonly api: ApiSettings | null;
}

/** The API the pane's jobs and benchmark requests use, or null: no API URL, or nobody signed in (nothing goes unauthenticated). */
export function apiSettingsOf(settings: ModelSettings, signIn: Pick<SignInState, "tokens">): ApiSettings | null {
  return settings.apiUrl && signIn.tokens ? { apiUrl: settings.apiUrl, tokens: signIn.tokens } : null;
}

/** Step 2: the model in use, embedded or the organisation's one from the API (loaded when the pane opens). */
export function useModel(
  store: KeyValueStore,
  signIn: Pick<SignInState, "tokens" | "status">,
  fetchFunction: typeof fetch | undefined,
  fail: (error: unknown) => void,
): ModelStep {
  // A key stored by an older version is erased before anything else reads the settings.
  const [settings, setSettings] = React.useState<ModelSettings>(() => (eraseStoredApiKey(store), readSettings(store)));
  const [loaded, setLoaded] = React.useState<LoadedModel>({ model: DEFAULT_MODEL, origin: "embedded" });
  const [loading, setLoading] = React.useState(false);

  // The configured model when the pane opens, and again whenever the user signs in or out.
  React.useEffect(() => {
    if (settings.apiUrl && signIn.status !== "starting") loadModel(settings, store, signIn.tokens, fetchFunction).then(setLoaded, fail);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on sign-in changes only
  }, [signIn.tokens, signIn.status]);

  const saveSettings = React.useCallback(
    (next: ModelSettings) => {
      writeSettings(store, next);
      setSettings(next);
    },
    [store],
  );

  const load = async (next: ModelSettings) => {
    setLoading(true);
    try {
      // Sector and wave belong to the benchmark panel: keep them.
      saveSettings({
        ...next,
        ...(settings.sector ? { sector: settings.sector } : {}),
        ...(settings.wave ? { wave: settings.wave } : {}),
      });
      setLoaded(await loadModel(next, store, signIn.tokens, fetchFunction));
    } catch (error) {
      fail(error);
    } finally {
      setLoading(false);
    }
  };

  return { settings, saveSettings, loaded, model: loaded.model, loading, load, api: apiSettingsOf(settings, signIn) };
}
