import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import path from "node:path";
import { compileRoute } from "../../src/devhost/httpServer";

/** RpcTypedData as the host sends it over gRPC (azure-functions-language-worker-protobuf). */
export type RpcTypedData = {
  string?: string;
  json?: string;
  bytes?: { base64: string };
  http?: Record<string, unknown>;
  int?: number;
  double?: number;
};

export interface IndexedFunction {
  readonly name: string;
  readonly scriptFile: string;
  readonly bindings: Record<string, Record<string, unknown> & { type: string; direction: string }>;
}

export interface Indexed {
  readonly programmingModel: string | null;
  readonly functions: IndexedFunction[];
  readonly loadErrors: { file: string; message: string }[];
}

export interface InvocationOutcome {
  readonly response?: { returnValue?: RpcTypedData | null; outputData?: unknown[] };
  readonly error?: string;
  readonly logs?: { level: string; category: string; message: string }[];
}

/** A running stand-in of the Node.js worker (support/functionsWorker.js) over one function app directory. */
export interface WorkerStandIn {
  readonly indexed: Indexed;
  invoke(functionName: string, trigger: RpcTypedData, triggerMetadata?: Record<string, RpcTypedData>): Promise<InvocationOutcome>;
  stop(): Promise<void>;
}

/** Starts the worker stand-in on an app directory with the given environment (the app settings). */
export async function startWorkerStandIn(appDirectory: string, environment: NodeJS.ProcessEnv): Promise<WorkerStandIn> {
  const child: ChildProcess = spawn(process.execPath, [path.join(__dirname, "functionsWorker.js"), appDirectory], {
    env: environment,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const waiting = new Map<number, (outcome: InvocationOutcome) => void>();
  let nextId = 1;
  const indexed = await new Promise<Indexed>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    let ready = false;
    lines.on("line", (line) => {
      let message: any;
      try {
        message = JSON.parse(line);
      } catch {
        return; // a line printed by the app itself
      }
      if (message.type === "indexed") {
        ready = true;
        resolve(message);
      } else if (message.type === "invocation") {
        waiting.get(message.id)?.(message);
        waiting.delete(message.id);
      }
    });
    child.once("exit", (code) => {
      if (!ready) reject(new Error(`the worker stand-in exited (${code}) before indexing:\n${stderr}`));
      for (const resolveWaiting of waiting.values()) resolveWaiting({ error: `the worker exited (${code}):\n${stderr}` });
    });
  });
  return {
    indexed,
    invoke(functionName, trigger, triggerMetadata) {
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        child.stdin!.write(`${JSON.stringify({ id, functionName, trigger, triggerMetadata })}\n`);
      });
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.stdin!.end();
      }),
  };
}

/** The trigger binding of a registered function. */
export function triggerOf(fn: IndexedFunction): Record<string, unknown> & { type: string } {
  const trigger = Object.values(fn.bindings).find((binding) => binding.direction === "in" && /Trigger$/.test(binding.type));
  if (!trigger) throw new Error(`function ${fn.name} has no trigger binding`);
  return trigger;
}

/**
 * Routes an HTTP request as the host does: the function whose registered route (under /api) and
 * methods match; the route parameters become `params`. Throws when none or several match.
 */
export function routeRequest(indexed: Indexed, method: string, pathAndQuery: string): { name: string; params: Record<string, string> } {
  const url = new URL(pathAndQuery, "http://localhost");
  const relative = url.pathname.replace(/^\/api\//, "");
  const matches = indexed.functions.flatMap((fn) => {
    const trigger = triggerOf(fn);
    if (trigger.type !== "httpTrigger" || !(trigger.methods as string[]).includes(method)) return [];
    const { pattern, parameters } = compileRoute(String(trigger.route));
    const found = pattern.exec(relative);
    return found
      ? [{ name: fn.name, params: Object.fromEntries(parameters.map((name, index) => [name, decodeURIComponent(found[index + 1])])) }]
      : [];
  });
  if (matches.length !== 1) throw new Error(`${matches.length} functions match ${method} ${url.pathname}`);
  return matches[0];
}

/** The RpcHttpData of a request, as the host sends it (body as a string). */
export function httpTrigger(
  method: string,
  pathAndQuery: string,
  params: Record<string, string>,
  headers: Record<string, string> = {},
  body?: unknown,
): RpcTypedData {
  const url = new URL(pathAndQuery, "https://sym-api.example.net");
  const text = body === undefined ? undefined : JSON.stringify(body);
  return {
    http: {
      method,
      url: url.toString(),
      headers: { ...(text !== undefined ? { "content-type": "application/json" } : {}), ...headers },
      query: Object.fromEntries(url.searchParams),
      params,
      ...(text !== undefined ? { body: { string: text } } : {}),
    },
  };
}

/** Status and JSON body of an HTTP invocation's response (the `$return` http binding). */
export function httpResult(outcome: InvocationOutcome): { status: number; headers: Record<string, string>; json: any } {
  if (outcome.error) throw new Error(`the invocation failed: ${outcome.error}`);
  const http = outcome.response?.returnValue?.http as
    { statusCode: string; headers: Record<string, string>; body?: RpcTypedData } | undefined;
  if (!http) throw new Error(`the invocation returned no http response: ${JSON.stringify(outcome.response)}`);
  const body = http.body?.bytes ? Buffer.from(http.body.bytes.base64, "base64").toString("utf8") : (http.body?.string ?? "");
  return { status: Number(http.statusCode), headers: http.headers, json: body ? JSON.parse(body) : undefined };
}

/**
 * A queue message as the host hands it to a Node function: the base64 text decoded (host.json
 * `messageEncoding: base64`), and the trigger metadata the Storage Queues extension binds
 * (`DequeueCount` as JSON, so a number once parsed; `Id` and `PopReceipt` as strings; times as JSON
 * strings; `sys`), keyed in PascalCase as the host sends them.
 */
export function queueDelivery(
  message: {
    messageId: string;
    messageText: string;
    dequeueCount: number;
    insertedOn: Date;
    expiresOn: Date;
    nextVisibleOn: Date;
    popReceipt: string;
  },
  functionName: string,
): { trigger: RpcTypedData; triggerMetadata: Record<string, RpcTypedData> } {
  const text = Buffer.from(message.messageText, "base64").toString("utf8");
  const asJsonString = (date: Date) => ({ json: JSON.stringify(date.toISOString()) });
  return {
    trigger: { string: text },
    triggerMetadata: {
      DequeueCount: { json: String(message.dequeueCount) },
      Id: { string: message.messageId },
      PopReceipt: { string: message.popReceipt },
      InsertionTime: asJsonString(message.insertedOn),
      ExpirationTime: asJsonString(message.expiresOn),
      NextVisibleTime: asJsonString(message.nextVisibleOn),
      sys: {
        json: JSON.stringify({
          MethodName: functionName,
          UtcNow: new Date().toISOString(),
          RandGuid: "00000000-0000-0000-0000-000000000000",
        }),
      },
    },
  };
}

/** The timer trigger's input as the host sends it (PascalCase JSON; the library camel-cases it). */
export function timerTrigger(): RpcTypedData {
  return { json: JSON.stringify({ Schedule: { AdjustForDST: true }, ScheduleStatus: null, IsPastDue: false }) };
}

/** Functions whose registration happened while another entry file was loading. */
export function misattributed(indexed: Indexed): string[] {
  return indexed.functions
    .filter((fn) => fn.scriptFile !== `${fn.name}.js`)
    .map((fn) => `${fn.name} registered while loading ${fn.scriptFile}`);
}
