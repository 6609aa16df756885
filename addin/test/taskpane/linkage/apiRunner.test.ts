/**
 * The Linkage action's API path against the real local API: `npm run start:api` (the Functions dev
 * host over an in-memory Azurite on free ports), as functions/test/e2e does. The job is submitted
 * with `POST /api/jobs` (kind linkage, unit aggregates only), polled with `GET /api/jobs/{id}`, and
 * its result must equal the local run (same seed, same numbers), fanned out over the queue.
 */
import { DEFAULT_MODEL, runLinkage } from "../../../../shared/src/index";
import { buildIfStale } from "../../../../functions/scripts/build";
import { alive, freePort, spawnCollecting, type Spawned } from "../../../../functions/test/support/processes";
import { DEFAULT_LINKAGE_CHOICES, linkageRequestOf } from "../../../src/taskpane/linkage/linkageRequest";
import { runLinkageOnApi } from "../../../src/taskpane/linkage/runners";
import { runLinkageAction } from "../../../src/taskpane/linkage/runLinkageAction";
import { inProcessWorker, ROOT, sampleMapping, sampleWorkbook } from "./support";

jest.setTimeout(240_000);

const KEY = "addin-linkage-test-key-0123456789";
let api: Spawned;
let apiUrl: string;

beforeAll(async () => {
  buildIfStale();
  const port = await freePort();
  api = spawnCollecting("npm", ["run", "--silent", "start:api"], {
    cwd: ROOT,
    detached: true, // own process group: the test stops the launcher and its children by group id
    env: {
      ...process.env,
      SYM_ADMIN_KEY: KEY,
      SYM_READ_KEY: "",
      SYM_KEYS: "",
      SYM_API_PORT: String(port),
      SYM_AZURITE_IN_MEMORY: "1",
      SYM_AZURITE_BLOB_PORT: "0",
      SYM_AZURITE_QUEUE_PORT: "0",
      SYM_AZURITE_TABLE_PORT: "0",
      SYM_USE_FUNC: "0",
      SYM_SKIP_BUILD: "1",
      SYM_LINKAGE_CHUNK_REPLICATES: "50",
    },
  });
  await api.waitFor(/listening on http:\/\/127\.0\.0\.1:\d+\/api/, 90_000);
  apiUrl = `http://127.0.0.1:${port}/api`;
}, 240_000);

afterAll(() => {
  if (api?.process.pid && alive(-api.process.pid)) process.kill(-api.process.pid, "SIGTERM");
});

describe("Linkage on the API", () => {
  it("runs the sample units as a linkage job and writes the same numbers as the local worker", async () => {
    const workbook = sampleWorkbook();
    const mapping = await sampleMapping(workbook);
    const choices = { ...DEFAULT_LINKAGE_CHOICES, x: ["enps", "symmetry", "culture", "recognition"], y: ["nps", "turnover"], method: "both" as const, bootstrap: 400, seed: 5 };
    const progress: number[] = [];
    const remote = await runLinkageAction(workbook, mapping, DEFAULT_MODEL, "en", choices, {
      api: { apiUrl, apiKey: KEY },
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

  it("reports a job that fails (unknown metric) and a missing key with what to do", async () => {
    const units = [{ unit: "A", employeesN: 9, metrics: { enps: 1, nps: 2 } }];
    await expect(runLinkageOnApi({ units, x: ["enps"], y: ["revenue"] }, { apiUrl, apiKey: KEY }, { pollMilliseconds: 100 })).rejects.toThrow(
      /The linkage job failed on the API: linkage metric "revenue" is not a column of the units/,
    );
    await expect(runLinkageOnApi({ units, x: ["enps"], y: ["nps"] }, { apiUrl })).rejects.toThrow(/The linkage job was not accepted: the API answered 401 .*\(check the API key\)/);
  });
});
