/**
 * Task pane entry point: waits for Office.js, then renders the pane inside a FluentProvider.
 * Inside Excel the pane works on the live workbook; outside Office (Office.onReady resolves with
 * `host: null`) it runs the browser preview on an in-memory workbook.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";

function Placeholder(): React.ReactElement {
  return <p>Symmetry Barometer</p>;
}

Office.onReady(() => {
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element");
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <Placeholder />
    </FluentProvider>,
  );
});
