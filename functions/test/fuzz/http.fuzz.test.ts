import type { Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import fc from "fast-check";
import { createApiServer } from "../../src/devhost/httpServer";
import { httpHandlers } from "../../src/handlers";
import { admitBeforeBody } from "../../src/http/admission";
import { tooLarge } from "../../src/http/body";
import { httpRoutes } from "../../src/routes";
import { services } from "../../src/services";
import { settings } from "../../src/settings";
import { ADMIN_KEY, READ_KEY, useAzurite } from "../support/azurite";

/**
 * The dev host in process, with the app's real handlers and admission over a real Azurite, fuzzed
 * over raw sockets: arbitrary methods, paths, headers and bodies. The properties: every request
 * gets a complete answer under 500, the process keeps answering, memory stays bounded, and no log
 * line carries a key or the text of a body (the log audit of a hostile run).
 */
jest.setTimeout(60_000);
useAzurite({ SYM_DEVHOST_ACCESS_LOG: "1" });

/** Text placed in bodies and headers: it must never reach a log line. */
const SECRET = "respondent-secret-7731";
let server: Server;
let port: number;
const logLines: string[] = [];
const originalWrite = process.stdout.write.bind(process.stdout);

beforeAll(async () => {
  // The dev host logs one JSON line per event on stdout: captured for the audit.
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    logLines.push(...chunk.toString().split("\n").filter(Boolean));
    return (originalWrite as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
  const appSettings = settings();
  const current = await services();
  server = createApiServer(httpRoutes, httpHandlers, {
    allowedOrigins: appSettings.allowedOrigins,
    admit: (_name, method, headers) => admitBeforeBody(current, method, headers),
    maxBodyBytes: appSettings.maxPayloadBytes,
    tooLarge: (bytes, limit) => tooLarge(bytes, limit).toResponse(),
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
}, 30_000);

afterAll(async () => {
  process.stdout.write = originalWrite;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Sends raw bytes and resolves with the status of the first answer (0 when the server closed without one). */
function raw(request: Buffer): Promise<number> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let received = "";
    const timer = setTimeout(() => socket.destroy(), 5_000);
    socket.on("data", (chunk) => {
      received += chunk.toString("latin1");
    });
    socket.on("error", () => undefined);
    socket.on("close", () => {
      clearTimeout(timer);
      resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0));
    });
    socket.write(request);
  });
}

async function health(): Promise<number> {
  return raw(Buffer.from("GET /api/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", "latin1"));
}

const token = fc.stringMatching(/^[!-~]{0,12}$/);
const pathSegment = fc.oneof(
  fc.constantFrom(
    "api",
    "models",
    "jobs",
    "benchmarks",
    "keys",
    "health",
    "%E0%A4%A",
    "%FF%FE",
    "..",
    "%2e%2e",
    "a b",
    "\u00e9",
    "__proto__",
    "constructor",
  ),
  token,
);
const header = fc.oneof(
  fc.constantFrom(
    ["Host", "a b"],
    ["Host", "//a:99999"],
    ["Content-Length", "-1"],
    ["Content-Length", "99999999999"],
    ["Content-Length", "1, 2"],
    ["Transfer-Encoding", "chunked"],
    ["x-sym-key", ADMIN_KEY],
    ["x-sym-key", READ_KEY],
    ["x-sym-key", SECRET],
    ["Authorization", `Bearer ${SECRET}`],
    ["Origin", "http://evil.example"],
    ["Content-Type", "application/json"],
  ),
  fc.tuple(fc.stringMatching(/^[A-Za-z-]{1,10}$/), fc.stringMatching(/^[ -~]{0,20}$/)),
);
const body = fc.oneof(
  fc.constant(""),
  fc.json({ maxDepth: 3 }),
  fc.constantFrom(
    `{"kind":"linkage","payload":{"units":[{"unit":"${SECRET}","employeesN":2,"metrics":{"enps":-100}}]}}`,
    `{"kind":"trend","payload":null}`,
    `{"__proto__":{"admin":true},"name":"${SECRET}"}`,
    `{"version":1,"dimensions":[{"id":"${SECRET}"}]}`,
    "[".repeat(5000),
  ),
  fc.string({ maxLength: 200 }),
);

describe("the dev host under fuzzed requests", () => {
  it("answers every request under 500, keeps answering, and keeps its memory bounded", async () => {
    const before = process.memoryUsage().rss;
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "G\u00c9T", "TRACE"),
        fc.array(pathSegment, { maxLength: 5 }),
        fc.array(header, { maxLength: 5 }),
        body,
        fc.boolean(),
        async (method, segments, headers, text, underApi) => {
          const bytes = Buffer.from(text, "utf8");
          const headerLines = headers.map(([name, value]) => `${name}: ${value}`);
          if (!headers.some(([name]) => name.toLowerCase() === "host")) headerLines.push("Host: localhost");
          if (!headers.some(([name]) => /^(content-length|transfer-encoding)$/i.test(name)))
            headerLines.push(`Content-Length: ${bytes.length}`);
          const head = `${method} /${(underApi ? ["api", ...segments] : segments).join("/")} HTTP/1.1\r\n${headerLines.join("\r\n")}\r\nConnection: close\r\n\r\n`;
          const status = await raw(Buffer.concat([Buffer.from(head, "latin1"), bytes]));
          seen.add(status);
          // 0: the server (or Node's parser) closed a request it could not read, without crashing.
          expect(status === 0 || (status >= 200 && status < 500)).toBe(true);
        },
      ),
      { seed: 1207, numRuns: 250 },
    );
    // The requests reached routing, admission and the handlers, not only the parser.
    expect([...seen]).toEqual(expect.arrayContaining([200, 400, 404, 405]));
    expect(await health()).toBe(200);
    expect(process.memoryUsage().rss - before).toBeLessThan(300 * 1024 * 1024);
  });

  it("answers fuzzed job and model bodies from a key holder with 2xx or 4xx, never 5xx", async () => {
    const seen = new Set<number>();
    const target = fc.constantFrom("POST /api/jobs", "PUT /api/models/fuzz", "POST /api/benchmarks/fuzz/contributions", "POST /api/keys");
    await fc.assert(
      fc.asyncProperty(target, body, async (line, text) => {
        const bytes = Buffer.from(text, "utf8");
        const head = `${line} HTTP/1.1\r\nHost: localhost\r\nx-sym-key: ${ADMIN_KEY}\r\nContent-Type: application/json\r\nContent-Length: ${bytes.length}\r\nConnection: close\r\n\r\n`;
        const status = await raw(Buffer.concat([Buffer.from(head, "latin1"), bytes]));
        seen.add(status);
        expect(status >= 200 && status < 500).toBe(true);
      }),
      { seed: 1208, numRuns: 120 },
    );
    expect(seen.has(400)).toBe(true); // bodies reached the handlers' validation
    expect(await health()).toBe(200);
  });

  it("log audit: no line of the hostile run carries a key, a bearer token or text sent in a body", () => {
    expect(logLines.length).toBeGreaterThan(100); // the access log ran: there is something to audit
    for (const line of logLines) {
      expect(line).not.toContain(ADMIN_KEY);
      expect(line).not.toContain(READ_KEY);
      expect(line).not.toContain(SECRET);
      expect(line.length).toBeLessThan(600);
    }
  });
});
