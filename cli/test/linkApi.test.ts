/**
 * `sym link --api` against the real local API (`npm run start:api`: the Functions dev host over an
 * in-memory Azurite on free ports, as the add-in's linkage API tests do): the job's result equals
 * the local run with the same seed, the job fans out in chunks, and a failing job or a missing key
 * gives a clear message.
 */
import * as path from "node:path";
import { buildIfStale } from "../../functions/scripts/build";
import { startLocalApi, stopLocalApi, type LocalApi } from "../../functions/test/support/localApi";
import { runCli } from "./support/cli";

jest.setTimeout(240_000);
delete process.env.SYM_API_KEY; // the missing-key case must not pick up a key from the environment
const KEY = "cli-link-test-key-0123456789abcdefghijk";
const UNITS = path.join(__dirname, "fixtures", "link", "units.csv");
let api: LocalApi | undefined;
let apiUrl: string;

beforeAll(async () => {
  buildIfStale();
  api = await startLocalApi({
    environment: { SYM_ADMIN_KEY: KEY, SYM_READ_KEY: "", SYM_LINKAGE_CHUNK_REPLICATES: "50" },
    readyTimeoutMs: 90_000,
    stopSignal: "SIGTERM",
  });
  apiUrl = api.apiUrl;
}, 240_000);

afterAll(() => stopLocalApi(api));

describe("sym link --api", () => {
  it("gives the same numbers as the local run with the same seed", async () => {
    const args = [
      "link",
      "--units",
      UNITS,
      "--x",
      "enps,symmetry,recognition",
      "--y",
      "nps,turnover",
      "--method",
      "both",
      "--bootstrap",
      "400",
      "--seed",
      "11",
      "--drivers",
      "--turnover",
      "--delta",
      "5",
      "--json",
    ];
    const local = await runCli(args);
    expect(local.code).toBe(0);
    const remote = await runCli([...args, "--api", apiUrl, "--api-key", KEY]);
    expect(remote.stderr).toBe("");
    expect(remote.code).toBe(0);
    const { ranOn: localRan, ...localResult } = JSON.parse(local.stdout);
    const { ranOn: remoteRan, ...remoteResult } = JSON.parse(remote.stdout);
    expect(localRan).toBe("local");
    expect(remoteRan).toBe("api");
    expect(remoteResult).toEqual(localResult);
    expect(remoteResult.drivers.length).toBeGreaterThan(0);
  });

  it("reports a failing job with its code's sentence and a missing key with what to do", async () => {
    const failing = await runCli([
      "link",
      "--units",
      UNITS,
      "--x",
      "enps",
      "--y",
      "nps",
      "--min-n",
      "1000",
      "--api",
      apiUrl,
      "--api-key",
      KEY,
    ]);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toMatch(/the linkage job failed on the API: there are too few values for the analysis/);
    const noKey = await runCli(["link", "--units", UNITS, "--x", "enps", "--y", "nps", "--api", apiUrl]);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toMatch(/the linkage job was not accepted: the API answered 401.*check --api-key or SYM_API_KEY/);
  });

  it("creates a machine key with sym keys, runs sym link --api with it, lists it without its secret and revokes it", async () => {
    const created = await runCli(["keys", "create", "--api", apiUrl, "--api-key", KEY, "--name", "ci-linkage", "--role", "read", "--json"]);
    expect(created.code).toBe(0);
    const record = JSON.parse(created.stdout);
    expect(record).toMatchObject({ tenant: "default", role: "read", name: "ci-linkage", revokedAt: null });
    expect(record.key).toMatch(/^sym\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{43}$/); // 32 random bytes of secret

    const linked = await runCli([
      "link",
      "--units",
      UNITS,
      "--x",
      "enps",
      "--y",
      "nps",
      "--bootstrap",
      "100",
      "--json",
      "--api",
      apiUrl,
      "--api-key",
      record.key,
    ]);
    expect(linked.code).toBe(0);
    expect(JSON.parse(linked.stdout).ranOn).toBe("api");

    const listed = await runCli(["keys", "list", "--api", apiUrl, "--api-key", KEY]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`${record.id}\\s+ci-linkage\\s+read\\s+\\S+\\s+never\\s+active`));
    expect(listed.stdout).not.toContain(record.key.split(".")[2]);
    // A read key cannot manage keys.
    expect((await runCli(["keys", "list", "--api", apiUrl, "--api-key", record.key])).stderr).toMatch(
      /403.*an admin key of the tenant is needed/,
    );

    const revoked = await runCli(["keys", "revoke", record.id, "--api", apiUrl, "--api-key", KEY]);
    expect(revoked).toMatchObject({ code: 0, stdout: `key ${record.id} revoked\n` });
    const refused = await runCli([
      "link",
      "--units",
      UNITS,
      "--x",
      "enps",
      "--y",
      "nps",
      "--bootstrap",
      "100",
      "--api",
      apiUrl,
      "--api-key",
      record.key,
    ]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/401/);
  });
});
