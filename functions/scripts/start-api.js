#!/usr/bin/env node
"use strict";
/**
 * `npm run start:api`: Azurite + the API.
 *
 * 1. Creates local.settings.json from local.settings.example.json on first run.
 * 2. Compiles functions/src and shared/src into dist/ when the sources are newer.
 * 3. Starts Azurite (data persisted under the git-ignored .azurite/ folder).
 * 4. Runs `func start` when Azure Functions Core Tools are on the PATH, else the dev host
 *    (dist/functions/src/devhost/main.js), which mounts the same route table.
 * 5. SIGINT / SIGTERM stop both children; if either child exits, the other is stopped too.
 *
 * Environment (all optional): SYM_API_PORT (7071), SYM_AZURITE_BLOB_PORT / _QUEUE_PORT /
 * _TABLE_PORT (10000 / 10001 / 10002; 0 = any free port), SYM_AZURITE_IN_MEMORY=1 (no data
 * on disk), SYM_USE_FUNC=0 (dev host even when func is installed), SYM_SKIP_BUILD=1.
 */
const { spawn } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { startAzurite, stopChild } = require("./azurite.js");
const { buildIfStale, DEV_HOST_ENTRY } = require("./build.js");

const root = path.resolve(__dirname, "..", "..");
const log = (message) => process.stdout.write(`[start-api] ${message}\n`);

function ensureLocalSettings() {
  const target = path.join(root, "local.settings.json");
  if (fs.existsSync(target)) return;
  fs.copyFileSync(path.join(root, "local.settings.example.json"), target);
  log("created local.settings.json from local.settings.example.json (edit the keys there)");
}

function onPath(command) {
  return (process.env.PATH ?? "").split(path.delimiter).some((directory) => directory && fs.existsSync(path.join(directory, command)));
}

const portSetting = (name, fallback) => (process.env[name] === undefined ? fallback : Number(process.env[name]));

async function main() {
  log(`launcher pid ${process.pid}`);
  ensureLocalSettings();
  if (process.env.SYM_SKIP_BUILD !== "1") buildIfStale(log);

  const inMemory = process.env.SYM_AZURITE_IN_MEMORY === "1";
  const location = path.join(root, ".azurite");
  if (!inMemory) fs.mkdirSync(location, { recursive: true });
  const azurite = await startAzurite({
    blobPort: portSetting("SYM_AZURITE_BLOB_PORT", 10000),
    queuePort: portSetting("SYM_AZURITE_QUEUE_PORT", 10001),
    tablePort: portSetting("SYM_AZURITE_TABLE_PORT", 10002),
    location: inMemory ? undefined : location,
  });
  log(
    `Azurite listening: blob ${azurite.ports.blob}, queue ${azurite.ports.queue}, table ${azurite.ports.table}${inMemory ? " (in memory)" : ` (data in ${location})`}`,
  );

  const apiPort = String(portSetting("SYM_API_PORT", 7071));
  const environment = {
    AZURE_FUNCTIONS_ENVIRONMENT: "Development",
    ...process.env,
    AzureWebJobsStorage: azurite.connectionString,
    SYM_API_PORT: apiPort,
  };
  const useFunc = process.env.SYM_USE_FUNC !== "0" && onPath("func");
  const api = useFunc
    ? spawn("func", ["start", "--port", apiPort], { cwd: root, env: environment, stdio: "inherit" })
    : spawn(process.execPath, [DEV_HOST_ENTRY], { cwd: root, env: environment, stdio: "inherit" });
  log(`${useFunc ? "func start" : "dev host"} started (pid ${api.pid}) on port ${apiPort}`);

  let stopping = false;
  const stop = async (reason, code) => {
    if (stopping) return;
    stopping = true;
    log(`${reason}: stopping the API and Azurite`);
    await stopChild(api);
    await azurite.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop("SIGINT", 0));
  process.on("SIGTERM", () => void stop("SIGTERM", 0));
  api.once("exit", (code, signal) => void stop(`API exited (${code ?? signal})`, code ?? 1));
  azurite.process.once("exit", (code, signal) => void stop(`Azurite exited (${code ?? signal})`, 1));
}

main().catch((error) => {
  process.stderr.write(`[start-api] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
