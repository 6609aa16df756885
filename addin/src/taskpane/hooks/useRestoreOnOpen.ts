import * as React from "react";
import type { Language } from "@symmetry/engine";
import { locateSource } from "../data/sourceGeometry";
import { draftFromMapping } from "../mapping/draft";
import { loadMapping } from "../mapping/persistence";
import { stringsFor } from "../i18n/strings";
import type { WorkbookPort } from "../workbook/WorkbookPort";
import type { PaneMessage } from "../components/ErrorBar";
import { guessSources, type SourcesStep } from "./useSources";
import type { MappingDraftStep } from "./useMappingDraft";

/**
 * When the pane opens: list the workbook's data and reload the mapping saved in it (sources,
 * draft and headers), or else guess the sources from sheet and table names.
 */
export function useRestoreOnOpen(
  port: WorkbookPort,
  initialLanguage: Language,
  sources: SourcesStep,
  mapping: MappingDraftStep,
  setMessage: (message: PaneMessage | null) => void,
  fail: (error: unknown) => void,
): void {
  React.useEffect(() => {
    let live = true;
    (async () => {
      const found = await sources.refresh();
      const saved = await loadMapping(port);
      if (!live) return;
      if (saved) {
        mapping.restoreDraft(draftFromMapping(saved));
        sources.setSources({ employees: saved.employees, customers: saved.customers, units: saved.units ?? null });
        mapping.setGeometries({
          employees: await locateSource(port, saved.employees),
          customers: await locateSource(port, saved.customers),
        });
        setMessage({ intent: "success", text: stringsFor(initialLanguage).mappingLoaded });
      } else {
        sources.setSources(guessSources(found));
      }
    })().catch((error) => live && fail(error));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the pane opens
  }, []);
}
