import * as React from "react";
import type { ColumnMapping, Language, Model, Population, Scale } from "@symmetry/engine";
import { locateSource, type SourceGeometry } from "../data/sourceGeometry";
import { checkDraft, suggestDraft, type DraftCheck, type MappingDraft } from "../mapping/draft";
import { saveMapping } from "../mapping/persistence";
import { suggestUnitsColumns } from "../mapping/unitsColumns";
import { stringsFor } from "../i18n/strings";
import type { WorkbookPort } from "../workbook/WorkbookPort";
import type { PaneMessage } from "../components/ErrorBar";
import type { SourcesStep } from "./useSources";

export type SourceGeometries = Partial<Record<Population, SourceGeometry>>;

export interface MappingDraftStep {
  /** The mapping being edited, null until suggested or reloaded. */
  readonly draft: MappingDraft | null;
  /** The draft checked against the sources' headers: its issues, and the mapping when valid. */
  readonly check: DraftCheck | null;
  /** Source headers no column of the suggestion uses. */
  readonly unmapped: string[];
  /** True while a mapping is being suggested. */
  readonly suggesting: boolean;
  readonly suggest: () => Promise<void>;
  readonly updateColumn: (population: Population) => (index: number, column: ColumnMapping) => void;
  readonly updateScale: (population: Population) => (scale: Scale) => void;
  readonly updateUnits: (units: NonNullable<MappingDraft["units"]>) => void;
  /** Writes the valid mapping into the workbook. */
  readonly save: () => Promise<void>;
  /** Replaces the draft (a mapping reloaded from the workbook). */
  readonly restoreDraft: (draft: MappingDraft) => void;
  /** Replaces the sources' headers the draft is checked against. */
  readonly setGeometries: (geometries: SourceGeometries) => void;
}

export interface MappingDraftInputs {
  readonly port: WorkbookPort;
  readonly language: Language;
  readonly model: Model;
  readonly sources: SourcesStep;
  readonly setMessage: (message: PaneMessage | null) => void;
  readonly fail: (error: unknown) => void;
}

/** Step 3: the column mapping, suggested from the headers, edited in the grids and checked as it changes. */
export function useMappingDraft({ port, language, model, sources, setMessage, fail }: MappingDraftInputs): MappingDraftStep {
  const [draft, setDraft] = React.useState<MappingDraft | null>(null);
  const [geometries, setGeometries] = React.useState<SourceGeometries>({});
  const [unmapped, setUnmapped] = React.useState<string[]>([]);
  const [suggesting, setSuggesting] = React.useState(false);

  const check = React.useMemo(() => (draft ? checkDraft(draft, geometries) : null), [draft, geometries]);

  const suggest = async () => {
    const { employees: employeesLocation, customers: customersLocation, units: unitsLocation } = sources.sources;
    if (!employeesLocation || !customersLocation) return;
    setSuggesting(true);
    setMessage(null);
    try {
      const employees = { location: employeesLocation, geometry: await locateSource(port, employeesLocation) };
      const customers = { location: customersLocation, geometry: await locateSource(port, customersLocation) };
      const suggestion = suggestDraft(model, language, employees, customers);
      const units = unitsLocation ? suggestUnitsColumns(unitsLocation, sources.unitsHeaders) : null;
      if (units) suggestion.draft.units = units;
      setDraft(suggestion.draft);
      setGeometries({ employees: employees.geometry, customers: customers.geometry });
      setUnmapped([...suggestion.unmapped.employees, ...suggestion.unmapped.customers]);
    } catch (error) {
      fail(error);
    } finally {
      setSuggesting(false);
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
  const updateUnits = (units: NonNullable<MappingDraft["units"]>) => setDraft((current) => (current ? { ...current, units } : current));

  const save = async () => {
    if (!check?.mapping) return;
    try {
      await saveMapping(port, check.mapping);
      setMessage({ intent: "success", text: stringsFor(language).mappingSaved });
    } catch (error) {
      fail(error);
    }
  };

  return {
    draft,
    check,
    unmapped,
    suggesting,
    suggest,
    updateColumn,
    updateScale,
    updateUnits,
    save,
    restoreDraft: setDraft,
    setGeometries,
  };
}
