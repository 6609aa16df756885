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

describe("compiled sym on 1,000,000 employees", () => {
  // The sample repeated: the same scores, 797 times the respondents (1,001,032 rows).
  const REPEATS = 797;
  const MEMORY_LIMIT_BYTES = 300 * 1024 * 1024;

  it("streams the CSV file in under 300 MB of memory and gives the sample's scores", () => {
    const [header, ...rows] = fs.readFileSync(EN_EMPLOYEES, "utf8").trimEnd().split("\n");
    const large = path.join(outDirectory, "employees-1m.csv");
    const descriptor = fs.openSync(large, "w");
    try {
      fs.writeSync(descriptor, `${header}\n`);
      const block = `${rows.join("\n")}\n`;
      for (let copy = 0; copy < REPEATS; copy++) fs.writeSync(descriptor, block);
    } finally {
      fs.closeSync(descriptor);
    }
    expect(rows.length * REPEATS).toBeGreaterThanOrEqual(1_000_000);
    // Peak resident memory of the whole process (heap, buffers, worker threads), reported at exit.
    const probe = path.join(outDirectory, "peak-memory.js");
    fs.writeFileSync(probe, 'process.on("exit", () => process.stderr.write(`\\npeak-rss=${process.resourceUsage().maxRSS * 1024}\\n`));\n');
    const run = spawnSync(
      process.execPath,
      [
        "--max-old-space-size=300",
        "--require",
        probe,
        compiledMain,
        "barometer",
        "--employees",
        large,
        "--customers",
        EN_CUSTOMERS,
        "--json",
      ],
      { encoding: "utf8", cwd: REPOSITORY, maxBuffer: 1 << 26 },
    );
    fs.rmSync(large, { force: true });
    expect(run.status).toBe(0);
    const peak = Number(/peak-rss=(\d+)/.exec(run.stderr)?.[1]);
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThan(MEMORY_LIMIT_BYTES);
    const result = JSON.parse(run.stdout) as { employees: { n: number }; dimensions: { employee: { score: number } | null }[] };
    const sample = spawnCli(["barometer", "--employees", EN_EMPLOYEES, "--customers", EN_CUSTOMERS, "--json"]);
    const expected = JSON.parse(sample.stdout) as typeof result;
    expect(result.employees.n).toBe(expected.employees.n * REPEATS);
    result.dimensions.forEach((dimension, index) => {
      const want = expected.dimensions[index].employee?.score;
      if (want === undefined) expect(dimension.employee).toBeNull();
      else expect(Math.abs(dimension.employee!.score - want)).toBeLessThan(1e-9 * Math.max(1, Math.abs(want)));
    });
  }, 300_000);
});
