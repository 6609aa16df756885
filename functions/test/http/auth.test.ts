import { HttpRequest } from "@azure/functions";
import { authorize, findKey } from "../../src/http/auth";
import { HttpError } from "../../src/http/responses";
import type { ApiKey } from "../../src/settings";

const keys: ApiKey[] = [
  { key: "admin-key-0123456789", role: "admin", tenant: "default" },
  { key: "read-key-0123456789x", role: "read", tenant: "default" },
  { key: "acme-read-0123456789", role: "read", tenant: "acme" },
];

const requestWith = (key?: string) =>
  new HttpRequest({ method: "GET", url: "http://localhost/api/jobs/x", headers: key === undefined ? {} : { "x-sym-key": key } });

function statusOf(action: () => unknown): number | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    return error instanceof HttpError ? error.status : -1;
  }
}

describe("API key authorisation", () => {
  it("finds the key presented, and nothing for a prefix or a longer string", () => {
    expect(findKey("acme-read-0123456789", keys)?.tenant).toBe("acme");
    expect(findKey("acme-read-012345678", keys)).toBeUndefined();
    expect(findKey("acme-read-0123456789!", keys)).toBeUndefined();
    expect(findKey("", keys)).toBeUndefined();
  });

  it("answers 401 without a key or with an unknown key, 403 with a role too low, and the tenant otherwise", () => {
    expect(statusOf(() => authorize(requestWith(), keys, "read"))).toBe(401);
    expect(statusOf(() => authorize(requestWith("guess-0123456789abcd"), keys, "read"))).toBe(401);
    expect(statusOf(() => authorize(requestWith("read-key-0123456789x"), keys, "admin"))).toBe(403);
    expect(authorize(requestWith("admin-key-0123456789"), keys, "read")).toEqual({ role: "admin", tenant: "default" });
    expect(authorize(requestWith("acme-read-0123456789"), keys, "read")).toEqual({ role: "read", tenant: "acme" });
  });

  it("refuses everything when no key is configured", () => {
    expect(statusOf(() => authorize(requestWith("admin-key-0123456789"), [], "read"))).toBe(401);
  });
});
