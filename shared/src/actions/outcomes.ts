import type { TrendChange, TrendChangeStatus } from "../trend/trend";
import type { Action, ActionScope } from "./actions";

/**
 * Whether each action's targeted gap narrowed (docs/domain.md#actions: the next wave's trend
 * tells for each action whether the gap it targeted narrowed), read from the change of
 * the gap between two waves (four-sample Welch test, `computeTrend`).
 *
 * The trend measures gaps for the whole organisation, where employees and customers meet; an
 * action scoped to a unit or a unit type is read on that organisation gap too, and says so
 * (`measuredOn: "organisation"`), because customers are rarely asked per unit type and a unit's
 * own gap is often under the confidentiality threshold.
 */
export interface ActionOutcome {
  /** Position of the action in its plan, from 0. */
  index: number;
  dimension: string;
  scope: ActionScope;
  owner: string;
  status: Action["status"];
  from: string;
  to: string;
  gapFrom: number | null;
  gapTo: number | null;
  gapChange: number | null;
  p: number | null;
  /** narrowed / widened / stable by the trend's rule; unknown-dimension when the model has no such dimension. */
  outcome: TrendChangeStatus | "unknown-dimension";
  /** The alert the action targeted is closed. */
  closed: boolean;
  measuredOn: "organisation";
}

/**
 * The outcome of every action on one change between waves. An action decided in a wave after
 * `change.from` is not judged on it (its outcome belongs to a later change), so it is left out.
 *
 * @param waveOrder every wave in order, to place an action's `wave` against the change's
 */
export function actionOutcomes(actions: readonly Action[], change: TrendChange, waveOrder: readonly string[]): ActionOutcome[] {
  const fromIndex = waveOrder.indexOf(change.from);
  const outcomes: ActionOutcome[] = [];
  actions.forEach((action, index) => {
    if (action.wave !== null) {
      const decided = waveOrder.indexOf(action.wave);
      if (decided > fromIndex) return;
    }
    const dimension = change.dimensions.find((candidate) => candidate.id === action.dimension);
    outcomes.push({
      index,
      dimension: action.dimension,
      scope: action.scope,
      owner: action.owner,
      status: action.status,
      from: change.from,
      to: change.to,
      gapFrom: dimension?.gapFrom ?? null,
      gapTo: dimension?.gapTo ?? null,
      gapChange: dimension?.gapChange ?? null,
      p: dimension?.p ?? null,
      outcome: dimension ? dimension.status : "unknown-dimension",
      closed: dimension?.closed ?? false,
      measuredOn: "organisation",
    });
  });
  return outcomes;
}
