"use strict";
/**
 * SYM.ENPS, SYM.SYMGAP and SYM.GAPTEST on ranges of 10 k, 100 k and 1 M cells, as Excel passes
 * them (an array of rows of cells, a few blanks), next to the same computation written the way a
 * plain workbook would do it, one Excel function per pass:
 *   ENPS    =(COUNTIF(r,">=9")-COUNTIF(r,"<=6"))/COUNT(r)*100
 *   SYMGAP  =(AVERAGE(BYROW(e,LAMBDA(x,AVERAGE(x))))-1)/4*100 − the same for c
 *   GAPTEST BYROW averages of e and c, then AVERAGE, VAR.S, COUNT, T.TEST(…,2,3), T.INV.2T
 * Both sides must agree (checked) before times are reported; times are the best of several runs. Target: under 20 ms for
 * 1 M cells. Runs standalone (`node bench/functions.bench.js [--sizes 10000,100000]`) or from
 * bench/run.js ({ name, description, run(context) → { rows, checks } }).
 *
 * The custom functions are loaded from their TypeScript source (addin/src/functions/functions.ts)
 * with TypeScript's transpileModule, so the bench times the exact functions Excel calls.
 */
const fs = require("node:fs");
const path = require("node:path");

const TARGET_MS = 20;
const DEFAULT_SIZES = [10_000, 100_000, 1_000_000];
const ITEMS_PER_RESPONDENT = 2; // SYMGAP / GAPTEST: two items of one dimension per respondent

function registerTypeScript() {
  if (require.extensions[".ts"]) return; // already under a TypeScript-aware runner
  const ts = require("typescript");
  require.extensions[".ts"] = (module, filename) => {
    const output = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
      fileName: filename,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    });
    module._compile(output.outputText, filename);
  };
}

/** Seeded linear congruential generator: the same ranges on every run. */
function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/** rows × columns of integer answers lo..hi, 3 % blanks (null), as an Excel range. */
function makeRange(rows, columns, lo, hi, seed, shift = 0) {
  const random = generator(seed);
  const range = new Array(rows);
  for (let row = 0; row < rows; row++) {
    const cells = new Array(columns);
    for (let column = 0; column < columns; column++) {
      cells[column] = random() < 0.03 ? null : Math.min(hi, lo + Math.floor(random() * (hi - lo + 1)) + shift);
    }
    range[row] = cells;
  }
  return range;
}

// ---- the plain-workbook way: one pass per Excel function ----

/** COUNTIF(range, criterion) for ">=n" / "<=n": parses the criterion, then one pass over numbers. */
function countIf(range, criterion) {
  const match = /^(>=|<=|>|<|=)?(-?\d+(?:\.\d+)?)$/.exec(criterion);
  const operator = match[1] || "=";
  const bound = Number(match[2]);
  let count = 0;
  for (const row of range) {
    for (const cell of row) {
      if (typeof cell !== "number") continue;
      if (
        operator === ">="
          ? cell >= bound
          : operator === "<="
            ? cell <= bound
            : operator === ">"
              ? cell > bound
              : operator === "<"
                ? cell < bound
                : cell === bound
      )
        count++;
    }
  }
  return count;
}

/** COUNT(range): the numbers in it. */
function count(range) {
  let total = 0;
  for (const row of range) for (const cell of row) if (typeof cell === "number") total++;
  return total;
}

/** BYROW(range, LAMBDA(x, AVERAGE(x))): a new column of row averages (#DIV/0! rows left out). */
function byRowAverage(range) {
  const averages = [];
  for (const row of range) {
    let sum = 0;
    let n = 0;
    for (const cell of row) {
      if (typeof cell === "number") {
        sum += cell;
        n++;
      }
    }
    if (n > 0) averages.push(sum / n);
  }
  return averages;
}

function average(values) {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** VAR.S: AVERAGE, then a second pass of squared deviations. */
function varianceS(values) {
  const mean = average(values);
  let sum = 0;
  for (const value of values) sum += (value - mean) ** 2;
  return sum / (values.length - 1);
}

function excelEnps(range) {
  return ((countIf(range, ">=9") - countIf(range, "<=6")) / count(range)) * 100;
}

function excelSymgap(employees, customers) {
  return ((average(byRowAverage(employees)) - 1) / 4) * 100 - ((average(byRowAverage(customers)) - 1) / 4) * 100;
}

function excelGaptest(employees, customers, tCdf, tQuantile) {
  const e = byRowAverage(employees).map((value) => ((value - 1) / 4) * 100);
  const c = byRowAverage(customers).map((value) => ((value - 1) / 4) * 100);
  const gap = average(e) - average(c);
  const ve = varianceS(e) / e.length;
  const vc = varianceS(c) / c.length;
  const df = (ve + vc) ** 2 / (ve ** 2 / (e.length - 1) + vc ** 2 / (c.length - 1));
  const se = Math.sqrt(ve + vc);
  const p = 2 * tCdf(-Math.abs(gap / se), df); // T.TEST(e, c, 2, 3)
  const margin = tQuantile(0.975, df) * se; // T.INV.2T(0.05, df) · se
  return [gap, gap - margin, gap + margin, p];
}

/**
 * Best of `repeats` timed calls (after one warm-up), in milliseconds, and the last result: the
 * machine is shared, and the fastest run is the one least disturbed (as bench/run.js does).
 */
function time(repeats, call) {
  let result = call();
  const times = [];
  for (let index = 0; index < repeats; index++) {
    const started = process.hrtime.bigint();
    result = call();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { milliseconds: Math.min(...times), result };
}

function agree(label, left, right) {
  const a = [].concat(left).slice(0, 4);
  const b = [].concat(right).slice(0, 4);
  a.forEach((value, index) => {
    if (Math.abs(value - b[index]) > 1e-6 * Math.max(1, Math.abs(value)))
      throw new Error(`${label}: SYM ${value} and Excel logic ${b[index]} disagree`);
  });
}

function run(context = {}) {
  registerTypeScript();
  const sym = require(path.join(__dirname, "..", "addin", "src", "functions", "functions.ts"));
  const tCdf = require("@stdlib/stats-base-dists-t-cdf");
  const tQuantile = require("@stdlib/stats-base-dists-t-quantile");
  const log = context.log || ((message) => process.stderr.write(`${message}\n`));
  const sizes = context.sizes || DEFAULT_SIZES;
  const rows = [];
  const checks = [];
  for (const cells of sizes) {
    const repeats = cells >= 1_000_000 ? 15 : cells >= 100_000 ? 25 : 41;
    log(`functions bench: ${cells.toLocaleString("en")} cells`);
    const recommendation = makeRange(cells, 1, 0, 10, 11);
    const respondents = Math.floor(cells / (2 * ITEMS_PER_RESPONDENT)); // half the cells each side
    const employees = makeRange(respondents, ITEMS_PER_RESPONDENT, 1, 5, 12, 1);
    const customers = makeRange(respondents, ITEMS_PER_RESPONDENT, 1, 5, 13);

    const cases = [
      ["SYM.ENPS", () => sym.enps(recommendation), () => excelEnps(recommendation)],
      ["SYM.SYMGAP", () => sym.symgap(employees, customers), () => excelSymgap(employees, customers)],
      ["SYM.GAPTEST", () => sym.gaptest(employees, customers)[0].slice(0, 4), () => excelGaptest(employees, customers, tCdf, tQuantile)],
    ];
    for (const [name, symCall, excelCall] of cases) {
      const fast = time(repeats, symCall);
      const plain = time(repeats, excelCall);
      agree(`${name} at ${cells} cells`, fast.result, plain.result);
      const ratio = plain.milliseconds / fast.milliseconds;
      rows.push({
        size: `${cells.toLocaleString("en")} cells`,
        subject: name,
        seconds: fast.milliseconds / 1000,
        milliseconds: fast.milliseconds,
        excelLogicMilliseconds: plain.milliseconds,
        peakMegabytes: null,
        versus: ratio,
        versusNote: `vs Excel formula logic in JS, ${plain.milliseconds.toFixed(2)} ms`,
      });
      if (cells === 1_000_000) {
        checks.push({
          ok: fast.milliseconds < TARGET_MS,
          label: `${name} on 1,000,000 cells in ${fast.milliseconds.toFixed(2)} ms (target < ${TARGET_MS} ms)`,
        });
      }
    }
  }
  return { rows, checks };
}

function formatTable(rows) {
  const header = ["Cells", "Function", "SYM (ms)", "Excel logic (ms)", "Ratio (× faster)"];
  const lines = rows.map((row) => [
    row.size,
    row.subject,
    row.milliseconds.toFixed(2),
    row.excelLogicMilliseconds.toFixed(2),
    `${row.versus.toFixed(1)}×`,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const render = (cells) =>
    `| ${cells.map((cell, column) => (column >= 2 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join(" | ")} |`;
  return [render(header), `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`, ...lines.map(render)].join("\n");
}

module.exports = {
  name: "functions",
  description:
    "SYM.ENPS, SYM.SYMGAP and SYM.GAPTEST on Excel-shaped ranges versus the plain Excel formula logic (COUNTIF-style passes) in JavaScript",
  run,
  formatTable,
};

if (require.main === module) {
  const sizesFlag = process.argv.indexOf("--sizes");
  const sizes = sizesFlag > 0 ? process.argv[sizesFlag + 1].split(",").map(Number) : DEFAULT_SIZES;
  const { rows, checks } = run({ sizes });
  process.stdout.write(`${formatTable(rows)}\n\n`);
  for (const check of checks) process.stdout.write(`${check.ok ? "PASS" : "MISS"}  ${check.label}\n`);
}
