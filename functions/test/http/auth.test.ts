import { HttpRequest } from "@azure/functions";
import { authenticate, authorize, findKey } from "../../src/http/auth";
import { HttpError } from "../../src/http/responses";
import type { ApiKey } from "../../src/settings";
import type { MachineKey } from "../../src/storage/keyStore";

const keys: ApiKey[] = [
  { key: "admin-key-0123456789abcdefghijklmn", role: "admin", tenant: "default" },
  { key: "read-key-0123456789abcdefghijklmno", role: "read", tenant: "default" },
  { key: "acme-read-0123456789abcdefghijklmn", role: "read", tenant: "acme" },
  { key: "acme-contribute-0123456789abcdefgh", role: "contribute", tenant: "acme" },
];

/** A key store that knows one machine key; the real one is tested against Azurite (keys.test.ts). */
const machineKey: MachineKey = {
  id: "AAAAAAAAAAAAAAAA",
  tenant: "beta",
  role: "admin",
  name: "ci",
  createdAt: "2026-01-01T00:00:00.000Z",
  expiresAt: null,
  revokedAt: null,
};
const MACHINE_SECRET = `sym.${machineKey.id}.${"s".repeat(43)}`;
const sources = (settingsKeys: ApiKey[] = keys) => ({
  settings: { keys: settingsKeys, tokenAuth: undefined },
  machineKeys: { verify: async (presented: string) => (presented === MACHINE_SECRET ? machineKey : undefined) },
});

const requestWith = (headers: Record<string, string> = {}) =>
  new HttpRequest({ method: "GET", url: "http://localhost/api/jobs/x", headers });
const withKey = (key: string) => requestWith({ "x-sym-key": key });

async function statusOf(action: () => Promise<unknown>): Promise<number | undefined> {
  try {
    await action();
    return undefined;
  } catch (error) {
    return error instanceof HttpError ? error.status : -1;
  }
}

describe("API key authorisation", () => {
  it("finds the key presented, and nothing for a prefix or a longer string", () => {
    expect(findKey("acme-read-0123456789abcdefghijklmn", keys)?.tenant).toBe("acme");
    expect(findKey("acme-read-0123456789abcdefghijklm", keys)).toBeUndefined();
    expect(findKey("acme-read-0123456789abcdefghijklmn!", keys)).toBeUndefined();
    expect(findKey("", keys)).toBeUndefined();
  });

  it("answers 401 without a key or with an unknown key, 403 with a role too low, and the tenant otherwise", async () => {
    expect(await statusOf(() => authorize(requestWith(), sources(), "Barometer.Read"))).toBe(401);
    expect(await statusOf(() => authorize(withKey("guess-0123456789abcdefghijklmnopq"), sources(), "Barometer.Read"))).toBe(401);
    expect(await statusOf(() => authorize(withKey("read-key-0123456789abcdefghijklmno"), sources(), "Model.Admin"))).toBe(403);
    expect(await authorize(withKey("admin-key-0123456789abcdefghijklmn"), sources(), "Barometer.Read")).toEqual({
      tenant: "default",
      roles: ["Barometer.Read", "Model.Admin"],
      principal: "key:settings",
    });
    expect(await authorize(withKey("acme-read-0123456789abcdefghijklmn"), sources(), "Barometer.Read")).toEqual({
      tenant: "acme",
      roles: ["Barometer.Read"],
      principal: "key:settings",
    });
  });

  it("keeps model administration and pool contribution apart", async () => {
    expect(await statusOf(() => authorize(withKey("admin-key-0123456789abcdefghijklmn"), sources(), "Benchmark.Contribute"))).toBe(403);
    expect(await statusOf(() => authorize(withKey("acme-contribute-0123456789abcdefgh"), sources(), "Model.Admin"))).toBe(403);
    expect((await authorize(withKey("acme-contribute-0123456789abcdefgh"), sources(), "Benchmark.Contribute")).tenant).toBe("acme");
  });

  it("accepts a machine key from the key store with its tenant and role", async () => {
    expect(await authenticate(withKey(MACHINE_SECRET), sources())).toEqual({
      tenant: "beta",
      roles: ["Barometer.Read", "Model.Admin"],
      principal: "key:AAAAAAAAAAAAAAAA",
    });
    expect(await statusOf(() => authenticate(withKey(MACHINE_SECRET.slice(0, -1) + "t"), sources()))).toBe(401);
  });

  it("refuses everything when no key is configured, and a malformed Authorization header", async () => {
    expect(await statusOf(() => authorize(withKey("admin-key-0123456789abcdefghijklmn"), sources([]), "Barometer.Read"))).toBe(401);
    expect(await statusOf(() => authorize(requestWith({ authorization: "Basic dXNlcjpwYXNz" }), sources(), "Barometer.Read"))).toBe(401);
  });
});
