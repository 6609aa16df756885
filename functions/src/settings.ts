import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { DEFAULT_LINKAGE_LIMITS, type LinkageLimits } from "@symmetry/engine";
import { DEVELOPMENT_STORAGE, storageAccessFrom, type StorageAccess } from "./storage/account";
import { readQueueOptions, type QueueOptions } from "./hostConfig";

/**
 * App settings, read as on Azure: environment variables first (Azure injects app settings as
 * environment variables), then the `Values` of `local.settings.json` for local runs. Every
 * setting has a documented default (docs/api.md, "Settings").
 */

/**
 * Roles a key is given. Each maps to app roles of the API (http/roles.ts): `read` reads, `admin`
 * also manages models and keys, `contribute` also contributes to benchmark pools. Admin does not
 * contribute: rewriting the organisation's model and publishing its figures are separate rights.
 */
export const ROLES = ["read", "admin", "contribute"] as const;
export type Role = (typeof ROLES)[number];

/** Shortest key accepted from the settings: 32 characters, about the 32 random bytes of a stored key. */
export const MIN_SETTINGS_KEY_LENGTH = 32;

/** One API key: who may do what, on behalf of which tenant. */
export interface ApiKey {
  readonly key: string;
  readonly role: Role;
  readonly tenant: string;
}

/**
 * Entra ID access tokens (http/token.ts): on when all four settings are given, off (keys only)
 * when none is.
 */
export interface TokenAuthSettings {
  /** SYM_AUTH_JWKS_URL, e.g. https://login.microsoftonline.com/common/discovery/v2.0/keys */
  readonly jwksUrl: string;
  /** SYM_AUTH_ISSUER, a template with `{tenantid}`, e.g. https://login.microsoftonline.com/{tenantid}/v2.0 */
  readonly issuerTemplate: string;
  /** SYM_AUTH_AUDIENCE, comma-separated: the API's client id and/or its application ID URI. */
  readonly audiences: readonly string[];
  /** SYM_AUTH_ALLOWED_TENANTS, comma-separated tenant ids (`tid`) whose users may call the API. */
  readonly allowedTenants: readonly string[];
}

export interface Settings {
  /** How the storage account is reached: connection string or identity (storage/account.ts). */
  readonly storage: StorageAccess;
  readonly keys: readonly ApiKey[];
  /** Token sign-in; undefined when off. */
  readonly tokenAuth?: TokenAuthSettings;
  /** Origins a browser page may call the API from (the dev host's CORS; Azure has platform CORS). */
  readonly allowedOrigins: readonly string[];
  /** Hours a job (state, payload, result, idempotency key) is kept after its creation. */
  readonly jobTtlHours: number;
  /** Largest accepted request body, in bytes (413 above). */
  readonly maxPayloadBytes: number;
  /** Queue options of host.json, shared with the Functions host and the dev host. */
  readonly queues: QueueOptions;
  /** Bootstrap replicates per chunk of a `linkage` job (one queue message each). */
  readonly linkageChunkReplicates: number;
  /**
   * Work limits of linkage jobs (shared/src/linkage/limits.ts); the two totals are settings:
   * SYM_MAX_BOOTSTRAP_WORK (pairs × B) and SYM_MAX_DRIVER_WORK (predictors × y × B).
   */
  readonly linkageLimits: LinkageLimits;
  /**
   * Per-tenant admission of jobs (SYM_JOBS_PER_MINUTE, SYM_MAX_CONCURRENT_JOBS): 429 with
   * Retry-After above. SYM_JOBS_PER_MINUTE=0 turns it off (load tests, a trusted single tenant).
   */
  readonly quota: { readonly jobsPerMinute: number; readonly concurrentJobs: number } | undefined;
  /** Enables the `testFault` field of job requests (slow or failing workers); off unless set to 1. */
  readonly testFaults: boolean;
}

export { DEVELOPMENT_STORAGE };
export const DEFAULT_TENANT = "default";

const tenantId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/, "tenant ids use letters, digits, '-' or '_' (at most 63)");

const KeyListSchema = z.array(
  z.strictObject({
    key: z.string().min(MIN_SETTINGS_KEY_LENGTH, `keys need at least ${MIN_SETTINGS_KEY_LENGTH} characters`),
    role: z.enum(ROLES),
    tenant: tenantId.default(DEFAULT_TENANT),
  }),
);

function readLocalSettings(directory: string): Record<string, string> {
  const file = path.join(directory, "local.settings.json");
  if (!existsSync(file)) return {};
  const parsed = JSON.parse(readFileSync(file, "utf8")) as { Values?: Record<string, unknown> };
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(parsed.Values ?? {})) {
    if (value !== undefined && value !== null) values[name] = String(value);
  }
  return values;
}

function positiveNumber(name: string, raw: string | undefined, fallback: number, integer = false): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new Error(`setting ${name} must be a positive ${integer ? "whole " : ""}number, got ${JSON.stringify(raw)}`);
  }
  return value;
}

/** The quota entity lists a tenant's active jobs in one property (at most 64 KiB): about 700 fit, 500 is the ceiling. */
const MAX_CONCURRENT_JOBS = 500;

function atMost(name: string, value: number, limit: number): number {
  if (value > limit) throw new Error(`setting ${name} must be at most ${limit}, got ${value}`);
  return value;
}

function settingsKey(name: string, key: string, role: Role): ApiKey {
  if (key.length < MIN_SETTINGS_KEY_LENGTH)
    throw new Error(`setting ${name} must have at least ${MIN_SETTINGS_KEY_LENGTH} characters (it has ${key.length})`);
  return { key, role, tenant: DEFAULT_TENANT };
}

function parseKeys(values: Record<string, string | undefined>): ApiKey[] {
  const keys: ApiKey[] = [];
  if (values.SYM_ADMIN_KEY) keys.push(settingsKey("SYM_ADMIN_KEY", values.SYM_ADMIN_KEY, "admin"));
  if (values.SYM_READ_KEY) keys.push(settingsKey("SYM_READ_KEY", values.SYM_READ_KEY, "read"));
  if (values.SYM_CONTRIBUTE_KEY) keys.push(settingsKey("SYM_CONTRIBUTE_KEY", values.SYM_CONTRIBUTE_KEY, "contribute"));
  if (values.SYM_KEYS && values.SYM_KEYS.trim() !== "") {
    let json: unknown;
    try {
      json = JSON.parse(values.SYM_KEYS);
    } catch {
      throw new Error("setting SYM_KEYS must be a JSON array of {key, role, tenant}");
    }
    const parsed = KeyListSchema.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new Error(`setting SYM_KEYS is invalid at ${first.path.join(".")}: ${first.message}`);
    }
    keys.push(...parsed.data);
  }
  const seen = new Set<string>();
  for (const { key } of keys) {
    if (seen.has(key))
      throw new Error("settings SYM_ADMIN_KEY, SYM_READ_KEY, SYM_CONTRIBUTE_KEY and SYM_KEYS repeat a key: each key must be unique");
    seen.add(key);
  }
  return keys;
}

const list = (raw: string | undefined) =>
  (raw ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");

const TOKEN_SETTINGS = ["SYM_AUTH_JWKS_URL", "SYM_AUTH_ISSUER", "SYM_AUTH_AUDIENCE", "SYM_AUTH_ALLOWED_TENANTS"] as const;

function parseTokenAuth(values: Record<string, string | undefined>): TokenAuthSettings | undefined {
  const given = TOKEN_SETTINGS.filter((name) => (values[name] ?? "").trim() !== "");
  if (given.length === 0) return undefined;
  if (given.length < TOKEN_SETTINGS.length) {
    const missing = TOKEN_SETTINGS.filter((name) => !given.includes(name));
    throw new Error(`token sign-in needs all of ${TOKEN_SETTINGS.join(", ")}; missing: ${missing.join(", ")}`);
  }
  const jwksUrl = values.SYM_AUTH_JWKS_URL!.trim();
  if (!/^https?:\/\//.test(jwksUrl)) throw new Error(`setting SYM_AUTH_JWKS_URL must be an http(s) URL, got ${JSON.stringify(jwksUrl)}`);
  const issuerTemplate = values.SYM_AUTH_ISSUER!.trim();
  if (!issuerTemplate.includes("{tenantid}"))
    throw new Error("setting SYM_AUTH_ISSUER must contain {tenantid}, e.g. https://login.microsoftonline.com/{tenantid}/v2.0");
  const allowedTenants = list(values.SYM_AUTH_ALLOWED_TENANTS);
  const invalid = allowedTenants.find((tenant) => !tenantId.safeParse(tenant).success);
  if (invalid !== undefined) throw new Error(`setting SYM_AUTH_ALLOWED_TENANTS lists an invalid tenant id ${JSON.stringify(invalid)}`);
  return { jwksUrl, issuerTemplate, audiences: list(values.SYM_AUTH_AUDIENCE), allowedTenants };
}

/** The add-in's development origin (webpack dev server), allowed by default. */
export const DEFAULT_ALLOWED_ORIGINS = ["https://localhost:3000"];

function parseOrigins(raw: string | undefined): string[] {
  if (raw === undefined || raw.trim() === "") return DEFAULT_ALLOWED_ORIGINS;
  return list(raw).map((origin) => {
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      throw new Error(`setting SYM_ALLOWED_ORIGINS lists ${JSON.stringify(origin)}, which is not an origin such as https://localhost:3000`);
    }
    if (parsed.origin !== origin)
      throw new Error(`setting SYM_ALLOWED_ORIGINS lists ${JSON.stringify(origin)}; write the origin alone: ${parsed.origin}`);
    return origin;
  });
}

/**
 * Reads the settings.
 *
 * @param environment variables (process.env by default); they win over the file
 * @param directory where `local.settings.json` is looked for (the working directory by default,
 *   which is the function app root under `func start` and the dev host)
 */
export function readSettings(environment: NodeJS.ProcessEnv = process.env, directory = process.cwd()): Settings {
  const values: Record<string, string | undefined> = { ...readLocalSettings(directory) };
  for (const [name, value] of Object.entries(environment)) if (value !== undefined) values[name] = value;
  return {
    storage: storageAccessFrom(values),
    keys: parseKeys(values),
    tokenAuth: parseTokenAuth(values),
    allowedOrigins: parseOrigins(values.SYM_ALLOWED_ORIGINS),
    jobTtlHours: positiveNumber("SYM_JOB_TTL_HOURS", values.SYM_JOB_TTL_HOURS, 24),
    maxPayloadBytes: positiveNumber("SYM_MAX_PAYLOAD_BYTES", values.SYM_MAX_PAYLOAD_BYTES, 1024 * 1024, true),
    queues: readQueueOptions(directory, values),
    linkageChunkReplicates: positiveNumber("SYM_LINKAGE_CHUNK_REPLICATES", values.SYM_LINKAGE_CHUNK_REPLICATES, 1000, true),
    linkageLimits: {
      ...DEFAULT_LINKAGE_LIMITS,
      maxBootstrapWork: positiveNumber(
        "SYM_MAX_BOOTSTRAP_WORK",
        values.SYM_MAX_BOOTSTRAP_WORK,
        DEFAULT_LINKAGE_LIMITS.maxBootstrapWork,
        true,
      ),
      maxDriverWork: positiveNumber("SYM_MAX_DRIVER_WORK", values.SYM_MAX_DRIVER_WORK, DEFAULT_LINKAGE_LIMITS.maxDriverWork, true),
    },
    quota:
      values.SYM_JOBS_PER_MINUTE?.trim() === "0"
        ? undefined
        : {
            jobsPerMinute: positiveNumber("SYM_JOBS_PER_MINUTE", values.SYM_JOBS_PER_MINUTE, 120, true),
            concurrentJobs: atMost(
              "SYM_MAX_CONCURRENT_JOBS",
              positiveNumber("SYM_MAX_CONCURRENT_JOBS", values.SYM_MAX_CONCURRENT_JOBS, 50, true),
              MAX_CONCURRENT_JOBS,
            ),
          },
    testFaults: values.SYM_TEST_FAULTS === "1",
  };
}

let cached: Settings | undefined;

/** The process's settings, read once. */
export function settings(): Settings {
  cached ??= readSettings();
  return cached;
}

/** Forgets the cached settings (tests that change environment variables call it). */
export function resetSettings(): void {
  cached = undefined;
}
