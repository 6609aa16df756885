import { execFile } from "node:child_process";
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve } from "node:path";

/** Builds the browser preview (addin/webpack.preview.config.js) and serves it on a free localhost port. */

export const ROOT = resolve(__dirname, "..", "..", "..");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
};

/** `environment`: settings compiled into the build (the ADDIN_AUTH_* sign-in settings). */
export function buildPreview(output: string, environment: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      process.execPath,
      [join(ROOT, "node_modules/webpack-cli/bin/cli.js"), "--config", join(ROOT, "addin/webpack.preview.config.js")],
      { cwd: ROOT, env: { ...process.env, ...environment, PREVIEW_OUTPUT: output }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`preview build failed: ${error.message}\n${stdout}\n${stderr}`)) : resolvePromise(),
    );
  });
}

/** The one URL the page loads from outside: the Office CDN's office.js (stubbed by the tests). */
export const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const OFFICE_STAND_IN = join(ROOT, "addin/test-doubles/office-outside-excel.js");

/** Static files: the build output, and /samples from samples/. */
export async function servePreview(output: string): Promise<{ server: Server; url: string }> {
  const roots = [output];
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent((request.url ?? "/").split("?")[0])).replace(/^([/\\])+/, "");
    if (path.includes("..")) {
      response.writeHead(400).end();
      return;
    }
    const candidates = path.startsWith("samples/") ? [join(ROOT, path)] : roots.map((root) => join(root, path));
    const file = candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolvePromise) => server.listen(0, "127.0.0.1", resolvePromise));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
