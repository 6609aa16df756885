import { connect } from "node:net";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { HttpHandler, HttpResponseInit } from "@azure/functions";
import { createApiServer } from "../../src/devhost/httpServer";
import { admitBeforeBody } from "../../src/http/admission";
import { tooLarge } from "../../src/http/body";
import { httpRoutes } from "../../src/routes";

/**
 * Requests an attacker would send to the dev host, over a raw socket (a client library would
 * refuse to send most of them). Each must get a 4xx answer and leave the server answering.
 */

const KEY = "hostile-requests-test-key-0123456789";
const settings = { keys: [{ key: KEY, role: "admin" as const, tenant: "default" }], maxPayloadBytes: 1024 * 1024, tokenAuth: undefined };
const sources = { settings, machineKeys: { verify: async () => undefined } };
let calls: string[] = [];

/** Every route answers 200 with its name and decoded parameters, after reading the body. */
const handlers = Object.fromEntries(
  Object.keys(httpRoutes).map((name) => [
    name,
    (async (request) => {
      calls.push(name);
      const body = await request.text();
      return { status: 200, jsonBody: { name, params: request.params, bodyBytes: body.length } } satisfies HttpResponseInit;
    }) as HttpHandler,
  ]),
);

let server: Server;
let port: number;

beforeAll(async () => {
  server = createApiServer(httpRoutes, handlers, {
    admit: (_name, method, headers) => admitBeforeBody(sources, method, headers),
    maxBodyBytes: settings.maxPayloadBytes,
    tooLarge: (bytes, limit) => tooLarge(bytes, limit).toResponse(),
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  calls = [];
});

interface RawAnswer {
  status: number;
  head: string;
  body: string;
  /** Bytes of the request the client managed to write before the server answered. */
  written: number;
}

/**
 * Writes `head` then, if given, `bodyBytes` in 64 KiB pieces while the server keeps reading, and
 * resolves with the first complete answer (status line, headers, body by Content-Length).
 */
function raw(head: string, bodyBytes = 0): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let received = Buffer.alloc(0);
    let written = 0;
    let done = false;
    const finish = (answer: RawAnswer) => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve(answer);
    };
    const tryParse = () => {
      const text = received.toString("latin1");
      const split = text.indexOf("\r\n\r\n");
      if (split < 0) return;
      const headText = text.slice(0, split);
      const length = Number(/content-length:\s*(\d+)/i.exec(headText)?.[1] ?? 0);
      const body = received.subarray(split + 4);
      if (body.length < length) return;
      finish({ status: Number(headText.split(" ")[1]), head: headText, body: body.subarray(0, length).toString("utf8"), written });
    };
    socket.on("data", (chunk) => {
      received = Buffer.concat([received, chunk]);
      tryParse();
    });
    socket.on("error", (error) => (done ? undefined : received.length > 0 ? tryParse() : reject(error)));
    socket.on("close", () =>
      done ? undefined : reject(new Error(`closed without a whole answer: ${received.toString("latin1").slice(0, 200)}`)),
    );
    socket.write(head, "latin1");
    const piece = Buffer.alloc(64 * 1024, 0x61);
    const pump = () => {
      while (!done && written < bodyBytes) {
        const size = Math.min(piece.length, bodyBytes - written);
        written += size;
        if (!socket.write(piece.subarray(0, size))) {
          socket.once("drain", pump);
          return;
        }
      }
    };
    if (bodyBytes > 0) pump();
  });
}

async function stillAnswering(): Promise<void> {
  const answer = await raw("GET /api/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
  expect(answer.status).toBe(200);
}

describe("the dev host against hostile requests", () => {
  it("answers 400 to a Host header that makes no URL, and keeps answering", async () => {
    const answer = await raw("GET /api/health HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n");
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({ error: "bad-request", details: expect.stringContaining("not a valid URL") });
    await stillAnswering();
  });

  it("answers 400 to a request target naming another authority with a bad port", async () => {
    const answer = await raw("GET //a:99999/api/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    expect(answer.status).toBe(400);
    await stillAnswering();
  });

  it.each(["/api/models/%E0%A4%A", "/api/jobs/%FF%FE", "/api/models/%E0%A4%A/versions"])(
    "answers 400, not 500, to the malformed percent-encoding of %s",
    async (target) => {
      const answer = await raw(`GET ${target} HTTP/1.1\r\nHost: localhost\r\nx-sym-key: ${KEY}\r\nConnection: close\r\n\r\n`);
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body).error).toBe("bad-request");
      expect(calls).toEqual([]);
    },
  );

  it("refuses a keyless upload from its headers, before the body is sent", async () => {
    // The client announces 50 MB and sends none of it: the answer must not wait for the body.
    const answer = await raw(
      "POST /api/jobs HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 52428800\r\n\r\n",
    );
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body).error).toBe("unauthenticated");
    expect(answer.head).toMatch(/connection: close/i);
    expect(calls).toEqual([]);
  });

  it("refuses a declared Content-Length over the app's limit before reading, with the handlers' 413", async () => {
    const answer = await raw(
      `POST /api/jobs HTTP/1.1\r\nHost: localhost\r\nx-sym-key: ${KEY}\r\nContent-Length: ${2 * 1024 * 1024}\r\n\r\n`,
    );
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: "payload-too-large", details: expect.stringContaining("the limit is 1048576") });
    expect(calls).toEqual([]);
  });

  it("stops reading a chunked body as soon as it passes the limit", async () => {
    // No Content-Length: the size is only known while reading. The client would send 16 MB.
    const chunked = 16 * 1024 * 1024;
    const answer = await raw(
      `POST /api/jobs HTTP/1.1\r\nHost: localhost\r\nx-sym-key: ${KEY}\r\nTransfer-Encoding: chunked\r\n\r\n${chunked.toString(16)}\r\n`,
      chunked,
    );
    expect(answer.status).toBe(413);
    expect(calls).toEqual([]);
    // The answer came while most of the body was still unsent (socket buffers hold a few MB at most).
    expect(answer.written).toBeLessThan(chunked);
    await stillAnswering();
  });

  it("hands a body within the limit to the handler", async () => {
    const body = JSON.stringify({ kind: "x" });
    const answer = await raw(
      `POST /api/jobs HTTP/1.1\r\nHost: localhost\r\nx-sym-key: ${KEY}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    );
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ name: "submitJob", params: {}, bodyBytes: body.length });
  });
});
