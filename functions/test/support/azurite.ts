import { startAzurite, type RunningAzurite } from "../../scripts/azurite";
import { resetSettings } from "../../src/settings";

export const ADMIN_KEY = "test-admin-key-0123456789abcdefghijkl";
export const READ_KEY = "test-read-key-0123456789abcdefghijklm";
export const CONTRIBUTE_KEY = "test-contribute-key-0123456789abcdefg";
export const OTHER_TENANT_KEY = "test-other-tenant-key-0123456789abcdef";

/**
 * Starts a real Azurite (in memory, free ports) for the suite and points the app settings at it
 * through environment variables, as on Azure. Stopped after the suite.
 */
export function useAzurite(extraEnvironment: Record<string, string> = {}): () => RunningAzurite {
  let azurite: RunningAzurite | undefined;
  const saved: Record<string, string | undefined> = {};
  beforeAll(async () => {
    azurite = await startAzurite();
    const environment: Record<string, string> = {
      AzureWebJobsStorage: azurite.connectionString,
      SYM_ADMIN_KEY: ADMIN_KEY,
      SYM_READ_KEY: READ_KEY,
      SYM_CONTRIBUTE_KEY: CONTRIBUTE_KEY,
      SYM_KEYS: JSON.stringify([{ key: OTHER_TENANT_KEY, role: "admin", tenant: "other" }]),
      // Suites submit jobs in bursts; tenantQuota.test.ts sets the quota it tests.
      SYM_JOBS_PER_MINUTE: "100000",
      SYM_MAX_CONCURRENT_JOBS: "500",
      ...extraEnvironment,
    };
    for (const [name, value] of Object.entries(environment)) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
    resetSettings();
  }, 30_000);
  afterAll(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    resetSettings();
    await azurite?.stop();
  });
  return () => {
    if (!azurite) throw new Error("Azurite is not running");
    return azurite;
  };
}
