"use strict";
/**
 * Starts Azurite (the Azure Storage emulator, npm package) as a child process and resolves once
 * its blob, queue and table services listen. Azurite has no programmatic API, so readiness is read
 * from its "successfully listening at http://host:port" lines; port 0 lets the system pick free
 * ports, which the tests use to run in parallel without clashes.
 */
const { spawn } = require("node:child_process");
const path = require("node:path");

/** Account name and key of the emulator: public, documented, identical on every machine. */
const ACCOUNT_NAME = "devstoreaccount1";
const ACCOUNT_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

const repositoryRoot = path.resolve(__dirname, "..", "..");

/** Connection string of an Azurite listening on the given ports of 127.0.0.1. */
function connectionString(ports, host = "127.0.0.1") {
  return [
    "DefaultEndpointsProtocol=http",
    `AccountName=${ACCOUNT_NAME}`,
    `AccountKey=${ACCOUNT_KEY}`,
    `BlobEndpoint=http://${host}:${ports.blob}/${ACCOUNT_NAME}`,
    `QueueEndpoint=http://${host}:${ports.queue}/${ACCOUNT_NAME}`,
    `TableEndpoint=http://${host}:${ports.table}/${ACCOUNT_NAME}`,
  ].join(";");
}

/**
 * @param {{blobPort?: number, queuePort?: number, tablePort?: number, location?: string, timeoutMs?: number}} options
 *   ports default to 0 (free ports); without `location` the data lives in memory only
 * @returns {Promise<{process: import("node:child_process").ChildProcess, ports: {blob: number, queue: number, table: number}, connectionString: string, stop: () => Promise<void>}>}
 */
function startAzurite(options = {}) {
  const args = [
    path.join(repositoryRoot, "node_modules", "azurite", "dist", "src", "azurite.js"),
    "--skipApiVersionCheck",
    "--loose",
    "--disableTelemetry",
    "--blobPort",
    String(options.blobPort ?? 0),
    "--queuePort",
    String(options.queuePort ?? 0),
    "--tablePort",
    String(options.tablePort ?? 0),
  ];
  if (options.location) args.push("--location", options.location);
  else args.push("--inMemoryPersistence");
  // Without --silent Azurite logs every request; with it, it still prints the listening lines.
  args.push("--silent");

  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  const ports = {};
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`Azurite did not start within ${options.timeoutMs ?? 20000} ms: ${output.slice(-500)}`));
    }, options.timeoutMs ?? 20000);
    const onData = (chunk) => {
      output += chunk.toString();
      for (const match of output.matchAll(/Azurite (Blob|Queue|Table) service is successfully listening at https?:\/\/[^:\s]+:(\d+)/g)) {
        ports[match[1].toLowerCase()] = Number(match[2]);
      }
      if (ports.blob && ports.queue && ports.table) {
        clearTimeout(timer);
        child.stdout.off("data", onData);
        child.stdout.resume();
        resolve({
          process: child,
          ports: { ...ports },
          connectionString: connectionString(ports),
          stop: () => stopChild(child),
        });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (chunk) => {
      output += chunk.toString();
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited early (${code ?? signal}): ${output.slice(-500)}`));
    });
  });
}

/** Sends SIGTERM, then SIGKILL after a grace period; resolves when the process is gone. */
function stopChild(child, graceMs = 5000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

module.exports = { ACCOUNT_NAME, ACCOUNT_KEY, connectionString, startAzurite, stopChild };
