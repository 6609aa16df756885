import { orderWaves } from "../linkage/table";

/**
 * How many new wave labels one organisation may open in a model's pool within {@link WAVE_WINDOW_DAYS}
 * days (docs/domain.md#benchmark). Each wave lets it post once and change once; without a cap, a
 * stream of fresh labels ("2025-a", "2025-b", …) would let it move its counted (latest)
 * contribution at will and difference the published figures after each move. Four covers a
 * quarterly barometer.
 */
export const MAX_NEW_WAVES_PER_WINDOW = 4;
export const WAVE_WINDOW_DAYS = 365;

/** A wave the organisation already opened (withdrawn ones included: they stay closed). */
export interface OpenedWave {
  readonly wave: string;
  /** When it was first posted (ISO 8601). */
  readonly openedAt: string;
}

/** Why a new wave label is refused. */
export type NewWaveRefusal =
  | { readonly refused: "wave-out-of-order"; readonly latest: string }
  | { readonly refused: "wave-limit"; readonly limit: number; readonly nextAt: string };

/**
 * Checks that an organisation may open `wave`: a wave it already has is not new (no refusal); a
 * new one must sort after its latest wave (`orderWaves` order: back-filling an old wave would
 * change a past pool), and it may open at most {@link MAX_NEW_WAVES_PER_WINDOW} in the last
 * {@link WAVE_WINDOW_DAYS} days.
 *
 * @returns null when the wave may be posted, else the refusal (with the latest wave, or when the next one may open)
 */
export function newWaveRefusal(opened: readonly OpenedWave[], wave: string, now: Date): NewWaveRefusal | null {
  if (opened.some((row) => row.wave === wave)) return null;
  if (opened.length > 0) {
    const order = orderWaves([...opened.map((row) => row.wave), wave]);
    if (order[order.length - 1] !== wave) return { refused: "wave-out-of-order", latest: orderWaves(opened.map((row) => row.wave)).pop()! };
  }
  const windowStart = now.getTime() - WAVE_WINDOW_DAYS * 86_400_000;
  const recent = opened
    .map((row) => Date.parse(row.openedAt))
    .filter((time) => !(time <= windowStart)) // an unreadable date counts as recent
    .sort((first, second) => first - second);
  if (recent.length < MAX_NEW_WAVES_PER_WINDOW) return null;
  const oldest = recent[recent.length - MAX_NEW_WAVES_PER_WINDOW];
  const nextAt = Number.isFinite(oldest) ? new Date(oldest + WAVE_WINDOW_DAYS * 86_400_000).toISOString() : now.toISOString();
  return { refused: "wave-limit", limit: MAX_NEW_WAVES_PER_WINDOW, nextAt };
}
