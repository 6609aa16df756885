import {
  BenchmarkContributionSchema,
  checkContribution,
  computeBarometer,
  percentileRanks,
  type BenchmarkContributionInput,
  type BenchmarkSummary,
  type Language,
  type Mapping,
  type Model,
  type PercentileRank,
  type PopulationAggregate,
} from "@symmetry/engine";
import { format, stringsFor } from "../i18n/strings";
import { apiBase, apiFetch, type ApiSettings } from "../linkage/runners";
import { authorizationHint } from "../auth/authorizedFetch";
import type { CellValue } from "../workbook/WorkbookPort";

/**
 * The anonymous benchmark pool seen from the pane (docs/domain.md#benchmark): read the pool's percentiles of a
 * sector (`GET {api}/benchmarks/{model}?sector=S`, published only from 10 organisations), rank the
 * organisation's own dimension scores in it with the engine's `percentileRanks`, and contribute the
 * organisation's aggregates (`POST {api}/benchmarks/{model}`: scores, eNPS, NPS, n, sector, wave;
 * never a respondent row). docs/api.md describes the endpoints.
 */

export type PoolAnswer =
  { readonly kind: "summary"; readonly summary: BenchmarkSummary } | { readonly kind: "not-enough"; readonly required: number };

async function failure(response: Response, what: string): Promise<Error> {
  let details = "";
  try {
    const body = (await response.json()) as { error?: string; details?: unknown };
    details = [body.error, typeof body.details === "string" ? body.details : body.details ? JSON.stringify(body.details) : ""]
      .filter(Boolean)
      .join(": ");
  } catch {
    // not JSON
  }
  return new Error(`${what}: the API answered ${response.status}${details ? ` (${details})` : ""}${authorizationHint(response.status)}`);
}

/** Reads the pool of a sector: its percentiles, or how many organisations it needs (409; the API never says how many it has). */
export async function fetchPool(
  settings: ApiSettings,
  modelId: string,
  sector: string,
  fetchFunction: typeof fetch = fetch,
): Promise<PoolAnswer> {
  const response = await apiFetch(
    settings,
    `${apiBase(settings.apiUrl)}/benchmarks/${encodeURIComponent(modelId)}?sector=${encodeURIComponent(sector)}`,
    {},
    fetchFunction,
  );
  if (response.status === 409) {
    const body = (await response.json()) as { details?: { required?: number } };
    return { kind: "not-enough", required: body.details?.required ?? 10 };
  }
  if (!response.ok) throw await failure(response, `Reading the ${sector} benchmark pool`);
  return { kind: "summary", summary: (await response.json()) as BenchmarkSummary };
}

/** The percentile column of the Barometer's dimension table: a header and one cell per dimension. */
export interface BenchmarkColumn {
  readonly header: string;
  readonly cells: Record<string, CellValue>;
  /** Shown in the message bar after the build. */
  readonly message: string;
  readonly notEnough: boolean;
}

function rankText(rank: PercentileRank, language: Language): CellValue {
  const strings = stringsFor(language);
  if (rank.position === "below") return strings.benchmarkBelow;
  if (rank.position === "above") return strings.benchmarkAbove;
  return Math.round(rank.rank * 10) / 10;
}

/** The organisation's employee dimension scores, eNPS and NPS as the barometer computes them (confidentiality applied). */
export function organisationFigures(employees: PopulationAggregate, customers: PopulationAggregate, model: Model, mapping: Mapping) {
  const barometer = computeBarometer(employees, customers, { model, thresholds: mapping.thresholds });
  return {
    n: barometer.employees.n,
    dimensions: Object.fromEntries(
      barometer.dimensions
        .filter((dimension) => dimension.employee.score !== null)
        .map((dimension) => [dimension.id, dimension.employee.score as number]),
    ),
    enps: barometer.employees.enps?.value ?? null,
    nps: barometer.customers.nps?.value ?? null,
  };
}

/** The column for the Barometer sheet from a pool answer (ranks by `percentileRanks`, or "not enough organisations"). */
export function benchmarkColumn(
  pool: PoolAnswer,
  figures: ReturnType<typeof organisationFigures>,
  sector: string,
  language: Language,
): BenchmarkColumn {
  const strings = stringsFor(language);
  const header = format(strings.benchmarkColumn, { sector });
  if (pool.kind === "not-enough") {
    const cell = format(strings.benchmarkNotEnoughCell, { required: pool.required });
    return {
      header,
      cells: Object.fromEntries(Object.keys(figures.dimensions).map((id) => [id, cell])),
      message: format(strings.benchmarkNotEnough, { sector, required: pool.required }),
      notEnough: true,
    };
  }
  const ranks = percentileRanks(figures, pool.summary);
  return {
    header,
    cells: Object.fromEntries(Object.entries(ranks.dimensions).map(([id, rank]) => [id, rankText(rank, language)])),
    message: format(strings.benchmarkShown, { organisations: pool.summary.organisations, sector }),
    notEnough: false,
  };
}

/**
 * The contribution of this organisation: its aggregates only. Checked here first (docs/domain.md#confidentiality: refused under the threshold) so nothing is sent that the API would refuse.
 */
export function contributionOf(
  figures: ReturnType<typeof organisationFigures>,
  model: Model,
  mapping: Mapping,
  sector: string,
  wave: string,
): BenchmarkContributionInput {
  const contribution = BenchmarkContributionSchema.parse({
    sector,
    wave,
    n: figures.n,
    dimensions: figures.dimensions,
    enps: figures.enps,
    nps: figures.nps,
  });
  checkContribution(contribution, {
    dimensionIds: model.dimensions.map((dimension) => dimension.id),
    minGroupSize: { ...model.thresholds, ...mapping.thresholds }.minGroupSize,
  });
  return contribution;
}

export async function postContribution(
  settings: ApiSettings,
  modelId: string,
  contribution: BenchmarkContributionInput,
  fetchFunction: typeof fetch = fetch,
): Promise<void> {
  const response = await apiFetch(
    settings,
    `${apiBase(settings.apiUrl)}/benchmarks/${encodeURIComponent(modelId)}`,
    { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(contribution) },
    fetchFunction,
  );
  if (!response.ok) throw await failure(response, "The contribution was not accepted");
}
