import { OfficeMockObject } from "office-addin-mock";
import { ExcelRuleError, PAYLOAD_LIMIT_BYTES, assertPayload } from "./excelRules";

/**
 * A strict layer around office-addin-mock for the Office.js adapter. office-addin-mock hands back
 * the string "Error, property was not loaded" where Excel throws, and knows nothing of objects
 * returned by methods; this layer makes every object the adapter touches behave as Excel does
 * (PLATFORM.md):
 *
 * - a data property (`values`, `address`, `items`, `name`…) read before `load` and a later
 *   `context.sync()` throws `PropertyNotLoaded` ("Office.js reference", PropertyNotLoaded);
 *   `isNullObject` and a ClientResult's `value` need a sync after the object was obtained; navigation properties
 *   (`worksheets`, `format`, `conditionalFormats`) and methods need nothing;
 * - each sync's request (the queued calls and property sets, serialised as JSON) and response
 *   (the loaded properties) must fit in 5 MB, else `RequestPayloadSizeLimitExceeded` /
 *   `ResponsePayloadSizeLimitExceeded` ("Resource limits and performance optimization for Office
 *   Add-ins");
 * - runs and syncs are counted (each sync is a round trip: "Performance optimization using the
 *   Excel JavaScript API"), with an optional ceiling per run; a run that ends with queued commands
 *   syncs once more, as `Excel.run` does.
 *
 * The workbook model is plain objects and functions (office-addin-mock's own style): the tests
 * back it with whatever state they need.
 */

export interface StrictLedger {
  runs: number;
  /** Syncs of every run, in order. */
  readonly syncsPerRun: number[];
  largestRequest: number;
  largestResponse: number;
}

export interface StrictExcel {
  /** Plays `Excel.run`. */
  readonly run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  readonly ledger: StrictLedger;
  /** The office-addin-mock context underneath, for a test's own assertions (no strictness). */
  readonly mockContext: { workbook: any; sync(): Promise<void> };
}

export interface StrictOptions {
  /** Refuse a run that syncs more often than this. */
  readonly maxSyncsPerRun?: number;
  readonly payloadLimit?: number;
}

const MOCK_ERRORS = new Set(["Error, property was not loaded", "Error, context.sync() was not called"]);
/** Keys the JavaScript runtime itself reads (await, JSON, inspection): never Office properties. */
const RUNTIME_KEYS = new Set(["then", "toJSON", "constructor", "asymmetricMatch", "$$typeof", "nodeType"]);

interface LoadRecord {
  readonly properties: readonly string[] | "all";
  /** Properties of each item of a collection ("items/name" loads `name` on every item). */
  readonly itemProperties?: readonly string[];
  /** Sync count when `load` was called: the values arrive with the next sync. */
  readonly at: number;
}

function loadList(argument: unknown): string[] {
  const list = Array.isArray(argument)
    ? argument.map(String)
    : typeof argument === "string"
      ? argument.split(",")
      : Object.keys(argument as object);
  return list.map((name) => name.trim());
}

function loadedNames(argument: unknown): readonly string[] | "all" {
  return argument === undefined ? "all" : loadList(argument).map((name) => name.split("/")[0]);
}

function itemNames(argument: unknown): string[] {
  if (argument === undefined) return [];
  return loadList(argument).flatMap((name) => (name.startsWith("items/") ? [name.slice("items/".length)] : []));
}

export function strictExcel(workbook: Record<string, unknown>, options: StrictOptions = {}): StrictExcel {
  const limit = options.payloadLimit ?? PAYLOAD_LIMIT_BYTES;
  const context = new OfficeMockObject({ workbook }) as unknown as { sync(): Promise<void> } & Record<string, unknown>;
  const ledger: StrictLedger = { runs: 0, syncsPerRun: [], largestRequest: 0, largestResponse: 0 };
  const proxies = new WeakMap<object, object>();
  const raws = new WeakMap<object, object>();
  const obtainedAt = new WeakMap<object, number>();
  const loads = new WeakMap<object, LoadRecord[]>();
  let commands: unknown[] = [];
  let pendingLoads: { target: object; properties: readonly string[] | "all" }[] = [];
  let syncs = 0;
  const mockSync = () => context.sync();

  const unwrap = (value: unknown): unknown => (typeof value === "object" && value !== null ? (raws.get(value) ?? value) : value);
  /** What a command carries once serialised: object handles travel as references, not their content. */
  const serialisable = (value: unknown): unknown => {
    if (typeof value !== "object" || value === null) return typeof value === "function" ? "[function]" : value;
    if (raws.has(value) || proxies.has(value)) return { ref: true };
    if (Array.isArray(value)) return value.map(serialisable);
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, serialisable(entry)]));
  };

  const isLoaded = (target: object, property: string): boolean =>
    (loads.get(target) ?? []).some((record) => record.at < syncs && (record.properties === "all" || record.properties.includes(property)));

  function wrap(target: object): object {
    const known = proxies.get(target);
    if (known) return known;
    obtainedAt.set(target, syncs);
    const proxy = new Proxy(target, {
      get(raw, property, receiver) {
        if (typeof property === "symbol" || RUNTIME_KEYS.has(property)) return Reflect.get(raw, property, receiver);
        if (raw === context && property === "sync") return sync;
        if (property === "load") {
          return (argument?: unknown) => {
            const properties = loadedNames(argument);
            loads.set(raw, [...(loads.get(raw) ?? []), { properties, itemProperties: itemNames(argument), at: syncs }]);
            pendingLoads.push({ target: raw, properties });
            commands.push({ load: argument ?? "*" });
            const own = Reflect.get(raw, "load", raw) as unknown;
            if (typeof own === "function") (own as (value: unknown) => void).call(raw, argument);
            return proxy;
          };
        }
        // isNullObject, and the value of a ClientResult (an object holding only `value`, as
        // getXml() returns), arrive with the next sync without a load.
        const isClientResult = property === "value" && Object.keys(raw).join() === "value";
        if (property === "isNullObject" || isClientResult) {
          if ((obtainedAt.get(raw) ?? 0) >= syncs)
            throw new ExcelRuleError("PropertyNotLoaded", `${property} was read before context.sync()`);
          return property === "value" ? Reflect.get(raw, property, raw) : Boolean(Reflect.get(raw, property, raw));
        }
        const value = Reflect.get(raw, property, raw) as unknown;
        if (typeof value === "function") {
          return (...args: unknown[]) => {
            commands.push({ call: property, args: serialisable(args) });
            const result = (value as (...values: unknown[]) => unknown).apply(raw, args.map(unwrap));
            return typeof result === "object" && result !== null && !Array.isArray(result) ? wrap(result) : result;
          };
        }
        const isNavigation = typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
        if (isNavigation && property !== "items") return wrap(value);
        if ((typeof value === "string" && MOCK_ERRORS.has(value)) || !isLoaded(raw, property)) {
          throw new ExcelRuleError("PropertyNotLoaded", `"${property}" was read before load("${property}") and context.sync()`);
        }
        if (property !== "items" || !Array.isArray(value)) return value;
        const itemProperties = (loads.get(raw) ?? [])
          .filter((record) => record.at < syncs)
          .flatMap((record) => record.itemProperties ?? []);
        return value.map((item: unknown) => {
          if (typeof item !== "object" || item === null) return item;
          const known = loads.get(item) ?? [];
          if (itemProperties.length > 0) loads.set(item, [...known, { properties: itemProperties, at: syncs - 1 }]);
          return wrap(item);
        });
      },
      set(raw, property, value) {
        if (typeof property === "string") commands.push({ set: property, value: serialisable(value) });
        return Reflect.set(raw, property, unwrap(value), raw);
      },
    });
    proxies.set(target, proxy);
    raws.set(proxy, target);
    return proxy;
  }

  async function sync(): Promise<void> {
    const request = commands;
    commands = [];
    syncs++;
    ledger.syncsPerRun[ledger.syncsPerRun.length - 1]++;
    const perRun = ledger.syncsPerRun[ledger.syncsPerRun.length - 1];
    if (options.maxSyncsPerRun !== undefined && perRun > options.maxSyncsPerRun) {
      throw new Error(`this run synced ${perRun} times, more than the ${options.maxSyncsPerRun} allowed`);
    }
    ledger.largestRequest = Math.max(ledger.largestRequest, assertPayload(request, "request", limit));
    await mockSync();
    // office-addin-mock settles nested properties in later microtasks: let them land.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const answered = pendingLoads;
    pendingLoads = [];
    const response = answered.map(({ target, properties }) =>
      properties === "all"
        ? "*"
        : Object.fromEntries(properties.map((name) => [name, serialisable(Reflect.get(target, name, target) as unknown)])),
    );
    ledger.largestResponse = Math.max(ledger.largestResponse, assertPayload(response, "response", limit));
  }

  const contextProxy = wrap(context) as unknown as Excel.RequestContext;
  return {
    ledger,
    mockContext: context as unknown as StrictExcel["mockContext"],
    run: async (batch) => {
      ledger.runs++;
      ledger.syncsPerRun.push(0);
      commands = [];
      const result = await batch(contextProxy);
      if (commands.length > 0) await sync(); // Excel.run sends what is still queued
      return result;
    },
  };
}
