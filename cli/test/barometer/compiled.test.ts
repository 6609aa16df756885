import { execFileSync, spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { EN_CUSTOMERS, EN_EMPLOYEES, REPOSITORY, runCli } from "../support/cli";

/**
 * The compiled CLI as a separate process, as `npx sym` runs it, with both files read on worker
 * threads (`--threads on`; the in-process tests read them on one thread). The CLI and the engine
 * are compiled into a scratch directory so the test never depends on a stale `dist/`.
 */
// Inside the repository (test-artifacts/ is git-ignored) so the compiled files find node_modules.
fs.mkdirSync(path.join(REPOSITORY, "test-artifacts"), { recursive: true });
const outDirectory = fs.mkdtempSync(path.join(REPOSITORY, "test-artifacts", "sym-compiled-"));
const compiledMain = path.join(outDirectory, "cli", "src", "main.js");

beforeAll(() => {
  const tsc = path.join(REPOSITORY, "node_modules", "typescript", "bin", "tsc");
  execFileSync(process.execPath, [tsc, "-p", path.join(REPOSITORY, "cli", "tsconfig.build.json"), "--outDir", outDirectory], {
    stdio: "pipe",
  });
  // as `npm run build:node` does: engine package imports become relative requires of its compiled copy
  execFileSync(process.execPath, [path.join(REPOSITORY, "scripts", "build", "resolveEngineImports.js"), outDirectory], { stdio: "pipe" });
}, 120_000);
afterAll(() => fs.rmSync(outDirectory, { recursive: true, force: true }));

function spawnCli(args: string[]) {
  return spawnSync(process.execPath, [compiledMain, ...args], { encoding: "utf8", cwd: REPOSITORY });
}

describe("compiled sym", () => {
  it("gives the same JSON on worker threads as in-process", async () => {
    const threaded = spawnCli(["barometer", "--employees", EN_EMPLOYEES, "--customers", EN_CUSTOMERS, "--json", "--threads", "on"]);
    expect(threaded.stderr).toBe("");
    expect(threaded.status).toBe(0);
    const inProcess = await runCli(["barometer", "--employees", EN_EMPLOYEES, "--customers", EN_CUSTOMERS, "--json"]);
    expect(JSON.parse(threaded.stdout)).toEqual(JSON.parse(inProcess.stdout));
  });

  it("carries a bad value's error out of its worker thread, with exit 1 and nothing on stdout", () => {
    const file = path.join(outDirectory, "bad.csv");
    fs.writeFileSync(file, "unit,recognition_1,nps\nA,4,9\nA,4,10.5\n");
    const run = spawnCli(["barometer", "--employees", EN_EMPLOYEES, "--customers", file, "--threads", "on"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain('bad.csv, data row 2 (file line 3), column "nps", value 10.5');
  });

  it("exits 2 on a usage error and prints nothing on stdout", () => {
    const run = spawnCli(["barometer", "--employees", EN_EMPLOYEES, "--customers", EN_CUSTOMERS, "--scale", "1/5"]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("--scale expects MIN-MAX");
  });

  it("stops quietly when its output pipe is closed (sym … | head), with no stack trace", async () => {
    const child = spawn(process.execPath, [compiledMain, "barometer", "--employees", EN_EMPLOYEES, "--customers", EN_CUSTOMERS], {
      cwd: REPOSITORY,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.destroy(); // the reader is gone before the first line is written: every write fails with EPIPE
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(stderr).toContain("unmapped columns"); // it ran: the warning before the table still reaches stderr
    expect(code).toBe(0);
  });
});
