/**
 * The Linkage action's API path against the real local API: `npm run start:api` (the Functions dev
 * host over an in-memory Azurite on free ports), as functions/test/e2e does. The job is submitted
 * with `POST /api/jobs` (kind linkage, unit aggregates only), polled with `GET /api/jobs/{id}`, and
 * its result must equal the local run (same seed, same numbers), fanned out over the queue. The
 * pane's calls carry access tokens of a local issuer (the API checks them with its real settings),
 * as a signed-in user's would.
 */
import { DEFAULT_MODEL, percentileRanks, runLinkage, type BenchmarkSummary } from "@symmetry/engine";
import { buildBarometer } from "../../../src/taskpane/barometer/buildBarometer";
import {
  benchmarkColumn,
  contributionOf,
  fetchPool,
  organisationFigures,
  postContribution,
} from "../../../src/taskpane/benchmark/benchmarkPool";
import { buildIfStale } from "../../../../functions/scripts/build";
import { startLocalApi, stopLocalApi, type LocalApi } from "../../../../functions/test/support/localApi";
import { DEFAULT_LINKAGE_CHOICES, linkageRequestOf } from "../../../src/taskpane/linkage/linkageRequest";
import { runLinkageOnApi } from "../../../src/taskpane/linkage/runners";
import { runLinkageAction } from "../../../src/taskpane/linkage/runLinkageAction";
import { inProcessWorker, sampleMapping, sampleWorkbook } from "./support";
import { startLocalIssuer, type LocalIssuer } from "../../../../functions/test/support/localIssuer";
import type { TokenSource } from "../../../src/taskpane/auth/tokenSource";

jest.setTimeout(240_000);

const AUDIENCE = "api://symmetry-barometer-addin-test";
/** Ten organisations (tenants) for the benchmark pool, the minimum it publishes from; the first is the workbook's. */
const TENANTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((index) => `org${index}`);
let api: LocalApi | undefined;
let apiUrl: string;
let issuer: LocalIssuer;

beforeAll(async () => {
  buildIfStale();
  issuer = await startLocalIssuer();
  api = await startLocalApi({
    environment: {
      SYM_ADMIN_KEY: "",
      SYM_READ_KEY: "",
      SYM_KEYS: "",
      SYM_LINKAGE_CHUNK_REPLICATES: "50",
      SYM_AUTH_JWKS_URL: issuer.jwksUrl,
      SYM_AUTH_ISSUER: issuer.issuerTemplate,
      SYM_AUTH_AUDIENCE: AUDIENCE,
      SYM_AUTH_ALLOWED_TENANTS: TENANTS.join(","),
    },
    readyTimeoutMs: 90_000,
    stopSignal: "SIGTERM",
  });
  apiUrl = api.apiUrl;
}, 240_000);

afterAll(async () => {
  stopLocalApi(api);
  await issuer?.stop();
});

/** A signed-in user of `tenant` with `roles`, as the pane's sign-in hands tokens to its API calls. */
function user(tenant: string, roles: string[] = ["Barometer.Read", "Benchmark.Contribute"]): { apiUrl: string; tokens: TokenSource } {
  const token = () => issuer.sign({ aud: AUDIENCE, tid: tenant, roles, oid: `user-of-${tenant}` });
  return { apiUrl, tokens: { token, fresh: token } };
}

describe("Linkage on the API", () => {
  it("runs the sample units as a linkage job and writes the same numbers as the local worker", async () => {
    const workbook = sampleWorkbook();
    const mapping = await sampleMapping(workbook);
    const choices = {
      ...DEFAULT_LINKAGE_CHOICES,
      x: ["enps", "symmetry", "culture", "recognition"],
      y: ["nps", "turnover"],
      method: "both" as const,
      bootstrap: 400,
      seed: 5,
    };
    const progress: number[] = [];
    const remote = await runLinkageAction(workbook, mapping, DEFAULT_MODEL, "en", choices, {
      api: user("org1", ["Barometer.Read"]),
      pollMilliseconds: 100,
      onProgress: (step) => (step.stage === "analysis" ? progress.push(step.percent) : undefined),
    });
    expect(remote.ranOn).toBe("api");
    const local = await runLinkageAction(workbook, mapping, DEFAULT_MODEL, "en", choices, { createWorker: () => inProcessWorker() });
    expect(remote.result).toEqual(local.result);
    expect(remote.result).toEqual(runLinkage(linkageRequestOf(remote.units, choices, mapping, DEFAULT_MODEL, "en").request));
    expect(progress[0]).toBe(0);
    expect(progress[progress.length - 1]).toBe(100);
  });

  it("reports a job that fails (unknown metric) and a refused token with what to do", async () => {
    const units = [{ unit: "A", employeesN: 9, metrics: { enps: 1, nps: 2 } }];
    await expect(
      runLinkageOnApi({ units, x: ["enps"], y: ["revenue"] }, user("org1", ["Barometer.Read"]), { pollMilliseconds: 100 }),
    ).rejects.toThrow(/The linkage job failed on the API: a parameter of the job is out of its domain \(invalid-argument\)/);
    // A token for another API: refused, renewed once (same audience again), then shown with what to do.
    let asked = 0;
    const wrongAudience = () => (asked++, issuer.sign({ aud: "api://another-api", tid: "org1", roles: ["Barometer.Read"] }));
    await expect(
      runLinkageOnApi({ units, x: ["enps"], y: ["nps"] }, { apiUrl, tokens: { token: wrongAudience, fresh: wrongAudience } }),
    ).rejects.toThrow(/The linkage job was not accepted: the API answered 401 .*sign out and sign in again/);
    expect(asked).toBe(2);
    // Signed in, but without a role that lets the user read: 403 and what to ask for.
    await expect(runLinkageOnApi({ units, x: ["enps"], y: ["nps"] }, user("org1", []))).rejects.toThrow(
      /the API answered 403 .*ask your administrator/,
    );
  });
});

describe("Benchmark pool on the API", () => {
  it("shows 'not enough organisations' under 10, then the percentile ranks of the pool once the workbook contributes", async () => {
    const workbook = sampleWorkbook();
    const mapping = await sampleMapping(workbook);
    const own = user(TENANTS[0]);
    const build = () =>
      buildBarometer(workbook, mapping, DEFAULT_MODEL, "en", {
        benchmark: async (employees, customers) =>
          benchmarkColumn(
            await fetchPool(own, "default", "retail"),
            organisationFigures(employees.aggregate, customers.aggregate, DEFAULT_MODEL, mapping),
            "retail",
            "en",
          ),
      });
    // Nine other organisations: aggregates only, spread around the samples' scores.
    for (const [index, tenant] of TENANTS.slice(1).entries()) {
      const dimensions = Object.fromEntries(
        DEFAULT_MODEL.dimensions.map((dimension, position) => [dimension.id, 30 + 5 * index + position]),
      );
      await postContribution(user(tenant), "default", {
        sector: "retail",
        wave: "2025",
        n: 50 + index,
        dimensions,
        enps: -20 + 6 * index,
        nps: 4 * index,
      });
    }
    const first = await build();
    expect(first.benchmark?.notEnough).toBe(true);
    expect(first.benchmark?.message).toBe("Not enough organisations in the retail pool yet: 10 are needed. No percentile is shown.");
    const rows = first.layout.anchors.dimensionRows;
    expect(await workbook.readRange("Barometer", "K10")).toEqual([["Percentile (sector retail)"]]);
    expect(
      (await workbook.readRange("Barometer", `K${rows.top + 1}:K${rows.bottom + 1}`))
        .flat()
        .every((cell) => cell === "not enough organisations (fewer than 10)"),
    ).toBe(true);

    // The workbook's organisation contributes its aggregates (never rows), then the rebuild ranks it.
    const figures = organisationFigures(first.employees.aggregate, first.customers.aggregate, DEFAULT_MODEL, mapping);
    const contribution = contributionOf(figures, DEFAULT_MODEL, mapping, "retail", "2025");
    expect(Object.keys(contribution).sort()).toEqual(["dimensions", "enps", "n", "nps", "sector", "wave"]);
    await postContribution(own, "default", contribution);
    const second = await build();
    expect(second.benchmark?.notEnough).toBe(false);
    const pool = await fetchPool(own, "default", "retail");
    expect(pool.kind).toBe("summary");
    const ranks = percentileRanks(figures, (pool as { summary: BenchmarkSummary }).summary);
    const shown = (await workbook.readRange("Barometer", `K${rows.top + 1}:K${rows.bottom + 1}`)).flat();
    second.layout.anchors.dimensionIds.forEach((id, index) => {
      const rank = ranks.dimensions[id];
      const expected = rank.position === "below" ? "below p10" : rank.position === "above" ? "above p90" : Math.round(rank.rank * 10) / 10;
      expect(shown[index]).toBe(expected);
    });
    expect((await workbook.listSheets()).filter((sheet) => sheet.name === "Barometer")).toHaveLength(1);
  });
});
