/**
 * Task pane entry point: waits for Office.js, then renders the pane inside a FluentProvider.
 * Inside Excel the pane works on the live workbook through the Office.js adapter; outside Office
 * (`Office.onReady` resolves with `host: null`) it starts the browser preview on an in-memory
 * workbook (loaded on demand, so Excel never downloads it).
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./components/App";
import { languageOf } from "./i18n/strings";
import { OfficeWorkbook } from "./workbook/officeWorkbook";
import { missingRequirementSets, missingSetsMessage } from "./requirements";

function container(): HTMLElement {
  const element = document.getElementById("root");
  if (!element) throw new Error("taskpane.html has no #root element");
  return element;
}

function showStartupFailure(error: unknown): void {
  const element = container();
  element.setAttribute("role", "alert");
  element.textContent = `The Symmetry Barometer pane could not start: ${error instanceof Error ? error.message : String(error)}. Reload the add-in.`;
}

Office.onReady((info) => {
  if (info.host === Office.HostType.Excel) {
    // The manifest already requires these sets; an Excel that still opens the pane without them
    // is told plainly what it lacks instead of failing on the first call.
    const missing = missingRequirementSets((name, version) => Office.context.requirements.isSetSupported(name, version));
    if (missing.length > 0) {
      const element = container();
      element.setAttribute("role", "alert");
      element.textContent = missingSetsMessage(missing, languageOf(Office.context.displayLanguage));
      return;
    }
    createRoot(container()).render(
      <FluentProvider theme={webLightTheme}>
        <App
          port={new OfficeWorkbook()}
          initialLanguage={languageOf(Office.context.displayLanguage)}
          store={window.localStorage}
          installation={{
            host: { host: String(info.host), platform: String(info.platform), version: Office.context.diagnostics.version },
            isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
          }}
        />
      </FluentProvider>,
    );
    return;
  }
  import("../preview/startPreview").then(({ startPreview }) => startPreview(container())).catch(showStartupFailure);
});
