import { Option, type Command } from "commander";
import type { CliIo } from "../io";
import { UsageError } from "../errors";

/**
 * `sym keys create|list|revoke --api URL`: a tenant's machine keys (docs/api.md, "Machine keys"),
 * managed with an admin key (`--api-key` or $SYM_API_KEY). A created key is printed once: the API
 * keeps only a salted hash of it.
 */

interface KeyRecord {
  readonly id: string;
  readonly tenant: string;
  readonly role: string;
  readonly name: string;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
  readonly key?: string;
}

interface ApiFlags {
  api: string;
  apiKey?: string;
  json?: boolean;
}

function connection(flags: ApiFlags): { base: string; key: string } {
  const key = flags.apiKey ?? process.env.SYM_API_KEY;
  if (!key) throw new UsageError("managing keys needs an admin key: pass --api-key or set SYM_API_KEY");
  let url: URL;
  try {
    url = new URL(flags.api);
  } catch {
    throw new UsageError(`--api expects the API's base URL, e.g. http://127.0.0.1:7071/api, got ${JSON.stringify(flags.api)}`);
  }
  return { base: url.toString().replace(/\/+$/, ""), key };
}

async function call(flags: ApiFlags, method: string, path: string, body?: unknown): Promise<unknown> {
  const { base, key } = connection(flags);
  let response: Response;
  try {
    response = await fetch(`${base}${path}`, {
      method,
      headers: { accept: "application/json", "x-sym-key": key, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new UsageError(
      `cannot reach the API at ${base}: ${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message}`,
    );
  }
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as { error?: string; details?: unknown }) : undefined;
  if (!response.ok) {
    const details = typeof parsed?.details === "string" ? parsed.details : JSON.stringify(parsed?.details ?? "");
    const hint =
      response.status === 401 || response.status === 403 ? " (an admin key of the tenant is needed: --api-key or SYM_API_KEY)" : "";
    throw new UsageError(`the API answered ${response.status} (${parsed?.error ?? "error"}: ${details})${hint}`);
  }
  return parsed;
}

function table(keys: readonly KeyRecord[]): string {
  const rows = [
    ["id", "name", "role", "created", "expires", "status"],
    ...keys.map((key) => [
      key.id,
      key.name,
      key.role,
      key.createdAt.slice(0, 10),
      key.expiresAt?.slice(0, 10) ?? "never",
      key.revokedAt ? "revoked" : "active",
    ]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return (
    rows
      .map((row) =>
        row
          .map((cell, column) => cell.padEnd(widths[column]))
          .join("  ")
          .trimEnd(),
      )
      .join("\n") + "\n"
  );
}

export function registerKeysCommand(program: Command, io: CliIo): void {
  const keys = program.command("keys").description("machine keys of your tenant on the API: create, list, revoke (needs an admin key)");
  const apiOptions = (command: Command) =>
    command
      .requiredOption("--api <url>", "the API's base URL, e.g. http://127.0.0.1:7071/api")
      .option("--api-key <key>", "an admin key of the tenant, sent as x-sym-key (default: $SYM_API_KEY)")
      .option("--json", "print JSON instead of text");

  apiOptions(keys.command("create").description("create a key; it is printed once"))
    .requiredOption("--name <name>", "who or what uses the key, e.g. nightly-linkage")
    .addOption(new Option("--role <role>", "what the key may do").choices(["read", "admin", "contribute"]).default("read"))
    .option("--expires <date-time>", "when the key stops working, ISO date-time, e.g. 2027-01-01T00:00:00Z")
    .action(async (flags: ApiFlags & { name: string; role: string; expires?: string }) => {
      if (flags.expires !== undefined && Number.isNaN(Date.parse(flags.expires)))
        throw new UsageError(`--expires expects an ISO date-time such as 2027-01-01T00:00:00Z, got ${JSON.stringify(flags.expires)}`);
      const created = (await call(flags, "POST", "/keys", {
        name: flags.name,
        role: flags.role,
        ...(flags.expires ? { expiresAt: new Date(flags.expires).toISOString() } : {}),
      })) as KeyRecord;
      if (flags.json) return io.stdout(`${JSON.stringify(created, null, 2)}\n`);
      io.stdout(`${created.key}\n`);
      io.stderr(
        `key ${created.id} (${created.role}, tenant ${created.tenant}) created; it is shown only now: store it in a secret store\n`,
      );
    });

  apiOptions(keys.command("list").description("list the tenant's keys (never their secrets)")).action(async (flags: ApiFlags) => {
    const { keys: listed } = (await call(flags, "GET", "/keys")) as { keys: KeyRecord[] };
    io.stdout(flags.json ? `${JSON.stringify(listed, null, 2)}\n` : table(listed));
  });

  apiOptions(keys.command("revoke").description("revoke a key at once").argument("<id>", "the key's id (sym keys list)")).action(
    async (id: string, flags: ApiFlags) => {
      await call(flags, "DELETE", `/keys/${encodeURIComponent(id)}`);
      io.stdout(flags.json ? `${JSON.stringify({ id, revoked: true })}\n` : `key ${id} revoked\n`);
    },
  );
}
