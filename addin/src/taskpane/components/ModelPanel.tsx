import * as React from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import type { LoadedModel, ModelSettings } from "../model/modelSource";
import { format, type Strings } from "../i18n/strings";

export interface ModelPanelProps {
  readonly strings: Strings;
  readonly loaded: LoadedModel;
  readonly settings: ModelSettings;
  readonly busy: boolean;
  readonly onLoad: (settings: ModelSettings) => void;
}

/** The model in use (embedded, from the API, or the cached copy with a notice) and the API settings. */
export function ModelPanel({ strings, loaded, settings, busy, onLoad }: ModelPanelProps): React.ReactElement {
  const [apiUrl, setApiUrl] = React.useState(settings.apiUrl ?? "");
  const [modelId, setModelId] = React.useState(settings.modelId ?? "");
  const description =
    loaded.origin === "embedded"
      ? format(strings.modelEmbedded, { version: loaded.model.version })
      : format(loaded.origin === "api" ? strings.modelFromApi : strings.modelFromCache, {
          id: loaded.model.id,
          version: loaded.model.version,
        });
  return (
    <section aria-labelledby="model-heading" className="sym-section">
      <h2 id="model-heading">{strings.modelHeading}</h2>
      <Text as="p" data-testid="model-version">
        {description}
      </Text>
      {loaded.notice ? (
        <MessageBar intent="warning">
          <MessageBarBody>{loaded.notice}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Field label={strings.apiUrl}>
        <Input type="url" value={apiUrl} onChange={(_, data) => setApiUrl(data.value)} placeholder="https://…/api" />
      </Field>
      <Field label={strings.modelId}>
        <Input value={modelId} onChange={(_, data) => setModelId(data.value)} placeholder="default" />
      </Field>
      <div className="sym-actions">
        <Button
          onClick={() =>
            onLoad({
              ...(apiUrl.trim() ? { apiUrl: apiUrl.trim() } : {}),
              ...(modelId.trim() ? { modelId: modelId.trim() } : {}),
            })
          }
          disabled={busy}
        >
          {strings.loadModel}
        </Button>
      </div>
    </section>
  );
}
