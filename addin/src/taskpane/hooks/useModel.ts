import * as React from "react";
import { DEFAULT_MODEL, type Model } from "@symmetry/engine";
import { loadModel, readSettings, writeSettings, type KeyValueStore, type LoadedModel, type ModelSettings } from "../model/modelSource";
import type { ApiSettings } from "../linkage/runners";

export interface ModelStep {
  /** API, model and benchmark settings, kept in the pane's store. */
  readonly settings: ModelSettings;
  /** Replaces the settings and writes them to the store. */
  readonly saveSettings: (settings: ModelSettings) => void;
  readonly loaded: LoadedModel;
  readonly model: Model;
  /** True while a configured model is being fetched. */
  readonly loading: boolean;
  /** Saves API URL, model id and key, then loads that model (the benchmark's sector and wave are kept). */
  readonly load: (next: ModelSettings) => Promise<void>;
}

/** The API address and key the pane's jobs and benchmark requests use, or null without an API. */
export function apiSettingsOf(settings: ModelSettings): ApiSettings | null {
  return settings.apiUrl ? { apiUrl: settings.apiUrl, ...(settings.apiKey ? { apiKey: settings.apiKey } : {}) } : null;
}

/** Step 2: the model in use, embedded or the organisation's one from the API (loaded when the pane opens). */
export function useModel(store: KeyValueStore, fetchFunction: typeof fetch | undefined, fail: (error: unknown) => void): ModelStep {
  const [settings, setSettings] = React.useState<ModelSettings>(() => readSettings(store));
  const [loaded, setLoaded] = React.useState<LoadedModel>({ model: DEFAULT_MODEL, origin: "embedded" });
  const [loading, setLoading] = React.useState(false);

  React.useEffect(() => {
    if (settings.apiUrl) loadModel(settings, store, fetchFunction).then(setLoaded, fail);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the pane opens
  }, []);

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
      setLoaded(await loadModel(next, store, fetchFunction));
    } catch (error) {
      fail(error);
    } finally {
      setLoading(false);
    }
  };

  return { settings, saveSettings, loaded, model: loaded.model, loading, load };
}
