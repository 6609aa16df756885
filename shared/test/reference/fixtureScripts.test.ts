/**
 * Every committed fixture script (`make_*.py`) is rerun with /usr/bin/python3 into a temp folder
 * (scripts/fixtures/rerun.py sends the files it writes there) and what it writes today is compared
 * with the committed fixture: numbers to 1e-12 relative, everything else exactly. A fixture can
 * therefore never drift from the script that claims to have made it. Scripts that print their
 * fixture name the file in their docstring (`script.py > path/to/fixture.json`).
 *
 * A script whose Python modules are missing here is skipped with a note, except under CI, whose
 * machine installs scipy, numpy, pandas and statsmodels (.ci/run): there it fails.
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const REPOSITORY = path.resolve(__dirname, "..", "..", "..");
const PYTHON = "/usr/bin/python3";
const RERUN = path.join(REPOSITORY, "scripts", "fixtures", "rerun.py");
const TOLERANCE = 1e-12;

// the largest scripts run for about half a minute on a busy 2-core machine
jest.setTimeout(300_000);

const scripts = execFileSync("git", ["ls-files", "*make_*.py"], { cwd: REPOSITORY, encoding: "utf8" })
  .split("\n")
  .filter((file) => file.endsWith(".py"));

/** Python modules of the repository itself (bench/barometer_pandas.py and the like), found by file name. */
const repositoryModules = new Set(
  execFileSync("git", ["ls-files", "*.py"], { cwd: REPOSITORY, encoding: "utf8" })
    .split("\n")
    .filter(Boolean)
    .map((file) => path.basename(file, ".py")),
);

/** The top-level modules a script imports, the repository's own aside. */
function importedModules(script: string): string[] {
  const text = fs.readFileSync(path.join(REPOSITORY, script), "utf8");
  const modules = new Set<string>();
  for (const match of text.matchAll(/^(?:import|from)\s+([A-Za-z_]\w*)/gm)) modules.add(match[1]);
  return [...modules].filter((name) => !repositoryModules.has(name));
}

/** The modules, among `wanted`, that /usr/bin/python3 cannot import (all of them if Python is absent). */
function missingModules(wanted: readonly string[]): string[] {
  if (!fs.existsSync(PYTHON)) return [...wanted, "python3"];
  const probe = spawnSync(
    PYTHON,
    ["-c", "import importlib.util, sys; print(' '.join(m for m in sys.argv[1:] if importlib.util.find_spec(m) is None))", ...wanted],
    { encoding: "utf8" },
  );
  return probe.stdout.trim().split(/\s+/).filter(Boolean);
}

/** Numbers to 1e-12 relative (absolute under 1), strings, booleans and nulls exactly, same keys and lengths. */
function compare(actual: unknown, expected: unknown, where: string, problems: string[]): void {
  if (problems.length > 20) return;
  if (typeof expected === "number" && typeof actual === "number") {
    if (Math.abs(actual - expected) > TOLERANCE * Math.max(1, Math.abs(expected)) && !(Number.isNaN(actual) && Number.isNaN(expected)))
      problems.push(`${where}: ${actual} now, ${expected} committed`);
    return;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (actual.length !== expected.length) problems.push(`${where}: ${actual.length} items now, ${expected.length} committed`);
    else expected.forEach((item, index) => compare(actual[index], item, `${where}[${index}]`, problems));
    return;
  }
  if (expected !== null && typeof expected === "object" && actual !== null && typeof actual === "object" && !Array.isArray(actual)) {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const key of keys)
      compare((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${where}.${key}`, problems);
    return;
  }
  if (actual !== expected) problems.push(`${where}: ${JSON.stringify(actual)} now, ${JSON.stringify(expected)} committed`);
}

/** What a file written today differs in from its committed version (JSON compared as data, other files as text). */
function differences(written: string, committed: string, name: string): string[] {
  if (!fs.existsSync(committed)) return [`${name}: written by the script but not committed`];
  const now = fs.readFileSync(written, "utf8");
  const then = fs.readFileSync(committed, "utf8");
  if (!name.endsWith(".json")) return now === then ? [] : [`${name}: the text differs from the committed file`];
  const problems: string[] = [];
  compare(JSON.parse(now), JSON.parse(then), name, problems);
  return problems;
}

/** Every file under `directory`, as paths relative to it. */
function filesUnder(directory: string): string[] {
  return fs
    .readdirSync(directory, { recursive: true, withFileTypes: true })
    .flatMap((entry) => (entry.isFile() ? [path.relative(directory, path.join(entry.parentPath, entry.name))] : []));
}

describe("committed fixture scripts rerun into a temp folder give the committed fixtures", () => {
  it("finds the fixture scripts", () => {
    expect(scripts.length).toBeGreaterThanOrEqual(10);
  });

  it.each(scripts)("%s", (script) => {
    const missing = missingModules(importedModules(script));
    if (missing.length > 0) {
      const message = `${script} needs Python modules that are missing here: ${missing.join(", ")}`;
      // CI installs them (.ci/run): a missing one there is a failure, not a skip.
      if (process.env.CI) throw new Error(message);
      console.warn(`skipped: ${message}`);
      return;
    }
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "sym-fixture-"));
    try {
      const run = spawnSync(PYTHON, [RERUN, script, out], { cwd: REPOSITORY, encoding: "utf8", timeout: 300_000, maxBuffer: 1 << 28 });
      if (run.status !== 0) throw new Error(`${script} failed (${run.error?.message ?? `exit ${run.status}`}): ${run.stderr.slice(-2000)}`);
      const written = filesUnder(out);
      // A script that prints its fixture names the file in its docstring: `script.py > path/fixture.json`.
      const printedTo = /\.py\s*>\s*(\S+\.json)/.exec(fs.readFileSync(path.join(REPOSITORY, script), "utf8"))?.[1];
      const problems: string[] = [];
      if (printedTo && written.length === 0) {
        fs.writeFileSync(path.join(out, "stdout.json"), run.stdout);
        problems.push(...differences(path.join(out, "stdout.json"), path.join(REPOSITORY, printedTo), printedTo));
      } else {
        expect(written.length).toBeGreaterThan(0);
        for (const name of written) problems.push(...differences(path.join(out, name), path.join(REPOSITORY, name), name));
      }
      expect(problems).toEqual([]);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
