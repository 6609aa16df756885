import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseTimeSpan, readQueueOptions } from "../src/hostConfig";
import { DEVELOPMENT_STORAGE, readSettings } from "../src/settings";

/** What Core Tools and the dev host set: a local run, where the storage emulator is the default. */
const LOCAL_RUN = { AZURE_FUNCTIONS_ENVIRONMENT: "Development" };

describe("settings", () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(path.join(tmpdir(), "sym-settings-"));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it("reads local.settings.json and lets environment variables win, as app settings do on Azure", () => {
    writeFileSync(
      path.join(directory, "local.settings.json"),
      JSON.stringify({
        Values: { SYM_ADMIN_KEY: "file-admin-key-0123456789abcdefghijkl", SYM_JOB_TTL_HOURS: "48", SYM_MAX_PAYLOAD_BYTES: "1000" },
      }),
    );
    const settings = readSettings({ ...LOCAL_RUN, SYM_MAX_PAYLOAD_BYTES: "2000" }, directory);
    expect(settings.keys).toEqual([{ key: "file-admin-key-0123456789abcdefghijkl", role: "admin", tenant: "default" }]);
    expect(settings.jobTtlHours).toBe(48);
    expect(settings.maxPayloadBytes).toBe(2000);
    expect(settings.storage).toEqual({ kind: "connection-string", connectionString: DEVELOPMENT_STORAGE });
    expect(settings.testFaults).toBe(false);
    expect(settings.linkageChunkReplicates).toBe(1000);
    expect(readSettings({ ...LOCAL_RUN, SYM_LINKAGE_CHUNK_REPLICATES: "250" }, directory).linkageChunkReplicates).toBe(250);
    expect(() => readSettings({ ...LOCAL_RUN, SYM_LINKAGE_CHUNK_REPLICATES: "2.5" }, directory)).toThrow(
      /SYM_LINKAGE_CHUNK_REPLICATES must be a positive whole number/,
    );
  });

  it("adds the keys of SYM_KEYS with their tenants and rejects a malformed list", () => {
    const settings = readSettings(
      {
        ...LOCAL_RUN,
        SYM_READ_KEY: "read-key-0123456789abcdefghijklmnopq",
        SYM_KEYS: '[{"key":"acme-key-0123456789abcdefghijklmnopq","role":"admin","tenant":"acme"}]',
      },
      directory,
    );
    expect(settings.keys).toEqual([
      { key: "read-key-0123456789abcdefghijklmnopq", role: "read", tenant: "default" },
      { key: "acme-key-0123456789abcdefghijklmnopq", role: "admin", tenant: "acme" },
    ]);
    expect(() => readSettings({ ...LOCAL_RUN, SYM_KEYS: '[{"key":"short","role":"admin"}]' }, directory)).toThrow(
      /SYM_KEYS is invalid at 0.key/,
    );
    expect(() => readSettings({ ...LOCAL_RUN, SYM_KEYS: "not json" }, directory)).toThrow(/JSON array/);
    expect(() => readSettings({ ...LOCAL_RUN, SYM_JOB_TTL_HOURS: "-1" }, directory)).toThrow(/SYM_JOB_TTL_HOURS must be a positive number/);
  });

  it("refuses settings keys under 32 characters and a key given twice", () => {
    expect(() => readSettings({ ...LOCAL_RUN, SYM_ADMIN_KEY: "x".repeat(31) }, directory)).toThrow(
      /SYM_ADMIN_KEY must have at least 32 characters \(it has 31\)/,
    );
    expect(() => readSettings({ ...LOCAL_RUN, SYM_READ_KEY: "short" }, directory)).toThrow(/SYM_READ_KEY must have at least 32/);
    expect(() => readSettings({ ...LOCAL_RUN, SYM_KEYS: `[{"key":"${"k".repeat(31)}","role":"read"}]` }, directory)).toThrow(
      /SYM_KEYS is invalid at 0.key: keys need at least 32/,
    );
    const same = "s".repeat(40);
    expect(() =>
      readSettings({ ...LOCAL_RUN, SYM_ADMIN_KEY: same, SYM_KEYS: `[{"key":"${same}","role":"read","tenant":"acme"}]` }, directory),
    ).toThrow(/repeat a key/);
    expect(readSettings({ ...LOCAL_RUN, SYM_CONTRIBUTE_KEY: "c".repeat(32) }, directory).keys).toEqual([
      { key: "c".repeat(32), role: "contribute", tenant: "default" },
    ]);
  });

  it("turns token sign-in on with all four settings, off with none, and refuses a partial or malformed set", () => {
    expect(readSettings({ ...LOCAL_RUN }, directory).tokenAuth).toBeUndefined();
    const complete = {
      SYM_AUTH_JWKS_URL: "https://login.microsoftonline.com/common/discovery/v2.0/keys",
      SYM_AUTH_ISSUER: "https://login.microsoftonline.com/{tenantid}/v2.0",
      SYM_AUTH_AUDIENCE: "api://barometer.example, 11111111-2222-3333-4444-555555555555",
      SYM_AUTH_ALLOWED_TENANTS: "aaaaaaaa-0000-0000-0000-000000000001,aaaaaaaa-0000-0000-0000-000000000002",
    };
    expect(readSettings({ ...LOCAL_RUN, ...complete }, directory).tokenAuth).toEqual({
      jwksUrl: complete.SYM_AUTH_JWKS_URL,
      issuerTemplate: complete.SYM_AUTH_ISSUER,
      audiences: ["api://barometer.example", "11111111-2222-3333-4444-555555555555"],
      allowedTenants: ["aaaaaaaa-0000-0000-0000-000000000001", "aaaaaaaa-0000-0000-0000-000000000002"],
    });
    expect(() => readSettings({ ...LOCAL_RUN, ...complete, SYM_AUTH_AUDIENCE: "" }, directory)).toThrow(/missing: SYM_AUTH_AUDIENCE/);
    expect(() =>
      readSettings({ ...LOCAL_RUN, ...complete, SYM_AUTH_ISSUER: "https://login.microsoftonline.com/common/v2.0" }, directory),
    ).toThrow(/must contain \{tenantid\}/);
    expect(() => readSettings({ ...LOCAL_RUN, ...complete, SYM_AUTH_ALLOWED_TENANTS: "ok,not/valid" }, directory)).toThrow(
      /invalid tenant id "not\/valid"/,
    );
  });

  it("allows the add-in's development origin by default and refuses anything but bare origins", () => {
    expect(readSettings({ ...LOCAL_RUN }, directory).allowedOrigins).toEqual(["https://localhost:3000"]);
    expect(
      readSettings({ ...LOCAL_RUN, SYM_ALLOWED_ORIGINS: "https://addin.example.com, https://localhost:3000" }, directory).allowedOrigins,
    ).toEqual(["https://addin.example.com", "https://localhost:3000"]);
    expect(() => readSettings({ ...LOCAL_RUN, SYM_ALLOWED_ORIGINS: "https://addin.example.com/taskpane.html" }, directory)).toThrow(
      /write the origin alone: https:\/\/addin.example.com/,
    );
    expect(() => readSettings({ ...LOCAL_RUN, SYM_ALLOWED_ORIGINS: "*" }, directory)).toThrow(/not an origin/);
  });

  it("takes the queue options from host.json, with the Functions host's defaults", () => {
    expect(readQueueOptions(directory, {})).toEqual({
      maxDequeueCount: 5,
      visibilityTimeoutMs: 0,
      batchSize: 16,
      newBatchThreshold: 8,
      maxPollingIntervalMs: 60_000,
    });
    writeFileSync(
      path.join(directory, "host.json"),
      JSON.stringify({
        version: "2.0",
        extensions: { queues: { maxDequeueCount: 3, visibilityTimeout: "00:00:05", batchSize: 4, maxPollingInterval: "00:00:00.5" } },
      }),
    );
    expect(readQueueOptions(directory, {})).toEqual({
      maxDequeueCount: 3,
      visibilityTimeoutMs: 5000,
      batchSize: 4,
      newBatchThreshold: 2,
      maxPollingIntervalMs: 500,
    });
  });

  it("parses host.json time spans and refuses other shapes", () => {
    expect(parseTimeSpan("01:02:03")).toBe(3_723_000);
    expect(parseTimeSpan("00:00:00.25")).toBe(250);
    expect(() => parseTimeSpan("5s")).toThrow(/hh:mm:ss/);
  });

  it("matches the repository's host.json: small batches for CPU-bound messages and the delays the docs state", () => {
    expect(readQueueOptions(path.resolve(__dirname, "..", ".."), {})).toEqual({
      maxDequeueCount: 5,
      visibilityTimeoutMs: 5000,
      batchSize: 2,
      newBatchThreshold: 1,
      maxPollingIntervalMs: 2000,
    });
  });

  it("lets AzureFunctionsJobHost__extensions__queues__* app settings override host.json, as the host does", () => {
    const overridden = readQueueOptions(path.resolve(__dirname, "..", ".."), {
      AzureFunctionsJobHost__extensions__queues__batchSize: "16",
      AzureFunctionsJobHost__extensions__queues__newBatchThreshold: "8",
      AzureFunctionsJobHost__extensions__queues__visibilityTimeout: "00:00:01",
    });
    expect(overridden).toMatchObject({ batchSize: 16, newBatchThreshold: 8, visibilityTimeoutMs: 1000, maxDequeueCount: 5 });
  });
});
