"use strict";
/**
 * A stand-in for the Azure Functions Node.js worker, as strict as the real one where the app meets
 * it, so that the function app is loaded and invoked exactly as in Azure:
 *
 * - `@azure/functions-core` is served from memory by intercepting `Module.prototype.require`, as
 *   the worker's `setupCoreModule` does (Azure/azure-functions-nodejs-worker, src/setupCoreModule.ts),
 *   before any file of the app is required.
 * - Every file matched by package.json `main` is required in turn, with the current entry point
 *   recorded (src/startApp.ts `loadEntryPointFile`); a file that throws is reported and the others
 *   still load, as the worker logs and goes on.
 * - `registerFunction` refuses a function id registered twice and registration after start-up, and
 *   records the entry file being loaded as the function's `scriptFile` (src/coreApi/registerFunction.ts).
 * - Invocations go through the programming model the library set, `getInvocationModel(coreCtx)`
 *   → `getArguments` → `invokeFunction` → `getResponse` (src/eventHandlers/InvocationHandler.ts),
 *   so the library's own converters turn host-shaped data (RpcTypedData, trigger metadata) into
 *   handler arguments and the result into the host's response.
 *
 * Usage: node functionsWorker.js <function app directory>. It prints one JSON line
 * `{type: "indexed", functions, loadErrors}`, then answers each JSON line on stdin
 * `{id, functionName, trigger: RpcTypedData, triggerMetadata?: Record<string, RpcTypedData>}` with
 * `{type: "invocation", id, response?, error?, logs}`.
 */
const Module = require("node:module");
const fs = require("node:fs");
const path = require("node:path");
const readline = require("node:readline");
const { randomUUID } = require("node:crypto");

const appDirectory = path.resolve(process.argv[2] ?? ".");
process.chdir(appDirectory);

const functions = {};
const loadErrors = [];
let programmingModel;
let currentEntryPoint;
let indexingLocked = false;

class CoreDisposable {
  constructor(callOnDispose) {
    this.callOnDispose = callOnDispose;
  }
  dispose() {
    this.callOnDispose?.();
  }
}

const coreApi = {
  version: "3.10.1",
  hostVersion: "4.1036.1",
  registerHook: () => new CoreDisposable(),
  setProgrammingModel: (model) => {
    programmingModel = model;
  },
  getProgrammingModel: () => programmingModel,
  log: () => undefined,
  registerFunction(metadata, callback) {
    if (indexingLocked) throw new Error("A function can only be registered during app startup.");
    const functionId = metadata.functionId || metadata.name;
    if (functionId in functions) throw new Error(`A function with id "${functionId}" has already been registered.`);
    functions[functionId] = {
      metadata: { ...metadata, functionId, scriptFile: currentEntryPoint ? path.basename(currentEntryPoint) : "unknown" },
      callback,
    };
    return new CoreDisposable(() => {
      if (indexingLocked) throw new Error("A function can only be disposed during app startup.");
      delete functions[functionId];
    });
  },
  Disposable: CoreDisposable,
};

Module.prototype.require = new Proxy(Module.prototype.require, {
  apply(target, thisArg, argArray) {
    return argArray[0] === "@azure/functions-core" ? coreApi : Reflect.apply(target, thisArg, argArray);
  },
});

/** Files matched by `main`. Only a `*` in the last path segment is supported (the worker uses globby). */
function entryFiles(pattern) {
  const directory = path.posix.dirname(pattern);
  const name = path.posix.basename(pattern);
  if (/[*?[\]{}]/.test(directory))
    throw new Error(`this stand-in only expands a wildcard in the file name, not in ${JSON.stringify(directory)}`);
  const matcher = new RegExp(
    `^${name
      .replace(/[.+^${}()|\\]/g, "\\$&")
      .replace(/\*/g, "[^/]*")
      .replace(/\?/g, "[^/]")}$`,
  );
  const absolute = path.join(appDirectory, directory);
  if (!fs.existsSync(absolute)) return [];
  return fs
    .readdirSync(absolute)
    .filter((file) => matcher.test(file))
    .sort()
    .map((file) => path.posix.join(directory, file));
}

/** JSON with byte arrays (RpcTypedData `bytes`) as `{base64}`, so they survive the pipe. */
function write(message) {
  const text = JSON.stringify(message, function (key, value) {
    const original = this[key];
    return original instanceof Uint8Array
      ? { base64: Buffer.from(original.buffer, original.byteOffset, original.byteLength).toString("base64") }
      : value;
  });
  process.stdout.write(`${text}\n`);
}

function start() {
  // The worker then sets the default programming model it bundles; the app's own @azure/functions
  // (v4) replaces it with its ProgrammingModel on its first registration (src/app.ts
  // `setProgrammingModel`). The stand-in bundles none, so the model is the app's or nothing.
  const packageJson = JSON.parse(fs.readFileSync(path.join(appDirectory, "package.json"), "utf8"));
  const files = packageJson.main ? entryFiles(packageJson.main) : [];
  if (files.length === 0) loadErrors.push({ file: packageJson.main, message: "Found zero files matching the supplied pattern" });
  for (const file of files) {
    currentEntryPoint = path.join(appDirectory, file);
    try {
      require(currentEntryPoint);
    } catch (error) {
      loadErrors.push({ file, message: error instanceof Error ? error.message : String(error) });
    } finally {
      currentEntryPoint = undefined;
    }
  }
  indexingLocked = true;
  write({
    type: "indexed",
    programmingModel: programmingModel ? `${programmingModel.name}@${programmingModel.version}` : null,
    functions: Object.values(functions).map(({ metadata }) => ({
      name: metadata.name,
      scriptFile: metadata.scriptFile,
      bindings: metadata.bindings,
    })),
    loadErrors,
  });
}

async function invoke(request) {
  const registered = functions[request.functionName];
  if (!registered) throw new Error(`Function code for '${request.functionName}' is not loaded and cannot be invoked.`);
  const { metadata, callback } = registered;
  const [triggerName] = Object.entries(metadata.bindings).find(
    ([, binding]) => binding.direction === "in" && /Trigger$/i.test(binding.type),
  );
  const invocationId = randomUUID();
  const logs = [];
  const coreCtx = {
    invocationId,
    request: {
      invocationId,
      functionId: metadata.functionId,
      inputData: [{ name: triggerName, data: request.trigger }],
      triggerMetadata: request.triggerMetadata ?? {},
    },
    metadata: { ...metadata, bindings: metadata.bindings },
    state: undefined,
    log: (level, category, message) => logs.push({ level, category, message }),
  };
  const model = await programmingModel.getInvocationModel(coreCtx);
  const { context, inputs } = await model.getArguments();
  coreCtx.state = "invocation";
  let result;
  try {
    result = await model.invokeFunction(context, inputs, callback);
  } finally {
    coreCtx.state = undefined;
  }
  const response = await model.getResponse(context, result);
  return { response, logs };
}

start();
const lines = readline.createInterface({ input: process.stdin });
lines.on("line", (line) => {
  if (line.trim() === "") return;
  const request = JSON.parse(line);
  invoke(request).then(
    ({ response, logs }) => write({ type: "invocation", id: request.id, response, logs }),
    (error) => write({ type: "invocation", id: request.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
lines.on("close", () => process.exit(0));
