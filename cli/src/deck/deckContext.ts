import type JSZip from "jszip";
import type { Action } from "@symmetry/engine/actions";
import { ACTIONS_NAMESPACE, actionsFromXml } from "@symmetry/engine/actions/actions";
import type { Language, Model } from "@symmetry/engine";
import { SymError, isSymError } from "@symmetry/engine/errors";
import { rankPriorities, unitDriverShares, type Priority } from "@symmetry/engine/priorities/priorities";
import { computeTrend, type Trend, type WavePopulation } from "@symmetry/engine/trend/trend";
import { orderSurveyWaves } from "@symmetry/engine/trend/waveOrder";
import type { BarometerReport } from "../commands/barometer";
import { readActionPlan } from "../actions/readActionPlan";
import { readCustomXmlParts } from "../workbook/customXmlPart";
import type { WorkbookInputs } from "../workbook/workbookAnalysis";

/** What the client deck shows beyond the barometer: the change since the last wave, the priorities, the action plan. */
export interface DeckContext {
  readonly trend?: Pick<Trend, "waves" | "changes">;
  readonly priorities: Priority[];
  readonly actions?: Action[];
}

const EMPTY: WavePopulation = { n: 0, recommendation: { promoters: 0, passives: 0, detractors: 0 }, dimensions: {} };

/**
 * The trend of a workbook whose mapping has a wave column with two waves or more: each wave's
 * barometer and the change from each wave to the next (`computeTrend`, as `sym trend` on CSV
 * files), waves in calendar order for dates, else in the order they first appear.
 */
export function workbookTrend(inputs: WorkbookInputs, model: Model, language: Language, thresholds: BarometerReport["thresholds"]) {
  const { employees, customers } = inputs;
  const appearance = [...(employees.waves?.order ?? []), ...(customers.waves?.order ?? [])];
  if (new Set(appearance).size < 2) return undefined;
  const order = orderSurveyWaves(appearance);
  const waves = order.map((wave) => ({
    wave,
    employees: employees.waves?.waves[wave] ?? EMPTY,
    customers: customers.waves?.waves[wave] ?? EMPTY,
  }));
  return computeTrend(waves, { model, language, thresholds });
}

/**
 * The action plan of a client: `--actions FILE` when given, else the workbook's own part
 * `urn:symmetry-barometer:actions:1` (written by the task pane), else none.
 *
 * @throws SymError `invalid-argument` naming the file when the workbook's part is not a valid plan
 */
export async function clientActions(file: string, zip: JSZip, actionsFile: string | undefined): Promise<Action[] | undefined> {
  if (actionsFile !== undefined) return (await readActionPlan(actionsFile)).actions;
  for (const xml of await readCustomXmlParts(zip)) {
    if (!xml.includes(ACTIONS_NAMESPACE)) continue;
    try {
      return actionsFromXml(xml).actions;
    } catch (error) {
      if (isSymError(error)) throw new SymError(error.code, `${file}: ${error.message}`, { file });
      throw error;
    }
  }
  return undefined;
}

/** The barometer's shown gaps ranked by need × impact, impacts from key drivers across units (equal shares under 25 units). */
export function workbookPriorities(inputs: WorkbookInputs, barometer: BarometerReport, model: Model): Priority[] {
  const drivers = unitDriverShares(
    inputs.employees.aggregate.units ?? {},
    barometer.dimensions.filter((dimension) => dimension.gap !== null).map((dimension) => dimension.id),
    barometer.thresholds.minGroupSize,
    model.thresholds.minDriverUnits,
  );
  return rankPriorities(
    barometer.dimensions.map((dimension) => ({
      id: dimension.id,
      label: dimension.label,
      gap: dimension.gap,
      status: dimension.status,
      employeeScore: dimension.employee.score,
    })),
    drivers,
  );
}

/**
 * Everything the client deck needs beyond the barometer. Priorities rank the barometer's shown
 * gaps by need × impact with impacts from key drivers across units (equal shares under 25 units),
 * as `sym trend` ranks them; the trend exists only with two waves or more.
 */
export async function deckContext(
  inputs: WorkbookInputs,
  barometer: BarometerReport,
  model: Model,
  sources: { readonly file: string; readonly zip: JSZip; readonly actionsFile?: string },
): Promise<DeckContext> {
  const thresholds = barometer.thresholds;
  const priorities = workbookPriorities(inputs, barometer, model);
  const trend = workbookTrend(inputs, model, barometer.language, thresholds);
  const actions = await clientActions(sources.file, sources.zip, sources.actionsFile);
  return { priorities, ...(trend ? { trend } : {}), ...(actions ? { actions } : {}) };
}
