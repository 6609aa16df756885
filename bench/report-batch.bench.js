"use strict";
/**
 * Report batch bench: 50 generated client workbooks of 5,000 respondents each (2,000
 * employees and 3,000 customers over 40 units, the default model's 33 + 33 items, eNPS / NPS, and
 * a Units sheet), made with the template code of `sym template` plus data, then one
 * `sym report a.xlsx … --out-dir D` over all of them (barometer, linkage with B = 1,000, result
 * sheets, gap chart, summary.csv) in a fresh process: wall time, CPU time, peak memory, and the
 * time per workbook; then the same batch with `--pptx --managers` (a client deck and one deck per
 * manager of at least 5 respondents for every client): seconds per client and peak memory. Workbooks go to bench/out/report-batch/ (git-ignored) and are reused while
 * the count and size are unchanged.
 *
 * bench/run.js calls `run(context)` ({ rows, checks }); `node bench/report-batch.bench.js` runs it
 * alone. REPORT_BENCH_FILES and REPORT_BENCH_RESPONDENTS shorten a run.
 */
const fs = require("node:fs");
const path = require("node:path");
const { measureProcess } = require("./measure");
const { seededRandom } = require("./syntheticUnits");

const ROOT = path.join(__dirname, "..");
const OUT = path.join(__dirname, "out", "report-batch");
const FILES = Number(process.env.REPORT_BENCH_FILES || 50);
const RESPONDENTS = Number(process.env.REPORT_BENCH_RESPONDENTS || 5000);
const UNITS = 40;

function clampAnswer(value, low, high) {
  return Math.max(low, Math.min(high, Math.round(value)));
}

/** One organisation: unit effects shared by both populations, answers on 1–5, recommendations 0–10. */
function organisationData(index, mapping) {
  const random = seededRandom(8000 + index);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const unitEffects = Array.from({ length: UNITS }, () => normal() * 0.5);
  const unitName = (unit) => `Site ${String(unit + 1).padStart(2, "0")}`;
  const rows = (population, count) => {
    const columns = mapping[population].columns;
    return Array.from({ length: count }, () => {
      const unit = Math.floor(random() * UNITS);
      const level = 3.4 + unitEffects[unit] + normal() * 0.6 + (population === "employees" ? -0.2 : 0);
      const row = {};
      for (const column of columns) {
        if (column.role === "unit") row[column.header] = unitName(unit);
        else if (column.role === "manager") row[column.header] = `M${unit + 1}-${1 + Math.floor(random() * 3)}`;
        else if (column.role === "item") row[column.header] = random() < 0.03 ? null : clampAnswer(level + normal() * 0.8, 1, 5);
        else if (column.role === "recommendation") row[column.header] = clampAnswer(2.2 * level + normal() * 1.5, 0, 10);
      }
      return row;
    });
  };
  const names = mapping.units;
  const units = Array.from({ length: UNITS }, (_, unit) => {
    const headcount = 20 + Math.floor(random() * 40);
    return {
      [names.unitColumn]: unitName(unit),
      [names.attributeColumn]: unit % 8 === 7 ? "support" : "front-office",
      [names.headcountColumn]: headcount,
      [names.leaversColumn]: Math.max(0, Math.round(headcount * (0.22 - 0.08 * unitEffects[unit] + 0.03 * normal()))),
      [names.salaryColumn]: Math.round(26000 + 3000 * random()),
    };
  });
  const employees = Math.round(RESPONDENTS * 0.4);
  return { employees: rows("employees", employees), customers: rows("customers", RESPONDENTS - employees), units };
}

async function generate() {
  const { buildTemplateWorkbook, templateMapping } = require(path.join(ROOT, "dist", "cli", "src", "workbook", "templateWorkbook"));
  const { DEFAULT_MODEL } = require(path.join(ROOT, "dist", "shared", "src", "model", "defaultModel"));
  const mapping = templateMapping(DEFAULT_MODEL, "en");
  fs.mkdirSync(OUT, { recursive: true });
  const stamp = path.join(OUT, `generated-${FILES}x${RESPONDENTS}.json`);
  const files = Array.from({ length: FILES }, (_, index) => path.join(OUT, `client-${String(index + 1).padStart(2, "0")}.xlsx`));
  if (fs.existsSync(stamp) && files.every((file) => fs.existsSync(file))) return files;
  for (const [index, file] of files.entries()) {
    fs.writeFileSync(file, await buildTemplateWorkbook({ model: DEFAULT_MODEL, language: "en", data: organisationData(index, mapping) }));
  }
  fs.writeFileSync(stamp, JSON.stringify({ files: FILES, respondents: RESPONDENTS }));
  return files;
}

function run(context = { log: (message) => process.stderr.write(`${message}\n`) }) {
  // Generation is asynchronous (exceljs): done in a child process so run() stays synchronous for run.js.
  const { spawnSync } = require("node:child_process");
  context.log(`report-batch: generating ${FILES} workbooks of ${RESPONDENTS} respondents (reused when present)…`);
  const generated = spawnSync(process.execPath, [__filename, "--generate"], {
    encoding: "utf8",
    env: { ...process.env, REPORT_BENCH_FILES: String(FILES), REPORT_BENCH_RESPONDENTS: String(RESPONDENTS) },
  });
  if (generated.status !== 0) throw new Error(`generating the workbooks failed: ${generated.stderr}`);
  const files = JSON.parse(generated.stdout);
  const bytes = files.reduce((total, file) => total + fs.statSync(file).size, 0);
  const reports = path.join(OUT, "reports");
  fs.rmSync(reports, { recursive: true, force: true });
  context.log(`report-batch: sym report on ${files.length} workbooks (${(bytes / 1e6).toFixed(1)} MB)…`);
  const measured = measureProcess(
    process.execPath,
    [path.join(ROOT, "cli", "bin", "sym.js"), "report", ...files, "--out-dir", reports, "--bootstrap", "1000"],
    { cwd: ROOT },
  );
  const summary = fs.readFileSync(path.join(reports, "summary.csv"), "utf8").trim().split("\n").slice(1);
  const succeeded = summary.filter((line) => line.includes(",ok,")).length;
  const rows = [
    {
      size: `${files.length} × ${RESPONDENTS}`,
      subject: "sym report --out-dir (one process)",
      seconds: measured.seconds,
      cpuSeconds: measured.cpuSeconds,
      peakMegabytes: measured.peakMegabytes,
      versus: null,
    },
  ];
  const checks = [
    { label: `all ${files.length} reports written (${succeeded} ok in summary.csv)`, ok: succeeded === files.length },
    { label: `${(measured.seconds / files.length).toFixed(2)} s per workbook of ${RESPONDENTS} respondents`, ok: true, informative: true },
  ];

  // The same batch with the client deck and the manager pack of every client (--pptx --managers).
  const withDecks = path.join(OUT, "reports-decks");
  const managers = path.join(OUT, "manager-decks");
  fs.rmSync(withDecks, { recursive: true, force: true });
  fs.rmSync(managers, { recursive: true, force: true });
  context.log(`report-batch: sym report --pptx --managers on ${files.length} workbooks…`);
  const decked = measureProcess(
    process.execPath,
    [
      path.join(ROOT, "cli", "bin", "sym.js"),
      "report",
      ...files,
      "--out-dir",
      withDecks,
      "--bootstrap",
      "1000",
      "--pptx",
      "--managers",
      managers,
    ],
    { cwd: ROOT },
  );
  const decks = fs.readdirSync(withDecks).filter((name) => name.endsWith("-deck.pptx")).length;
  const managerDecks = fs.existsSync(managers)
    ? fs.readdirSync(managers).reduce((total, client) => total + fs.readdirSync(path.join(managers, client)).length, 0)
    : 0;
  rows.push({
    size: `${files.length} × ${RESPONDENTS}`,
    subject: "sym report --out-dir --pptx --managers (one process)",
    seconds: decked.seconds,
    cpuSeconds: decked.cpuSeconds,
    peakMegabytes: decked.peakMegabytes,
    versus: null,
  });
  checks.push(
    { label: `a client deck for each of the ${files.length} workbooks (${decks} written)`, ok: decks === files.length },
    { label: `${managerDecks} manager decks written`, ok: managerDecks > 0, informative: true },
    { label: `${(decked.seconds / files.length).toFixed(2)} s per client with decks and manager pack`, ok: true, informative: true },
  );
  return { rows, checks };
}

module.exports = {
  name: "report-batch",
  description: `sym report on ${FILES} generated client workbooks of ${RESPONDENTS} respondents each`,
  run,
};

if (require.main === module) {
  if (process.argv.includes("--generate")) {
    generate().then(
      (files) => process.stdout.write(JSON.stringify(files)),
      (error) => {
        process.stderr.write(`${error.stack}\n`);
        process.exitCode = 1;
      },
    );
  } else {
    const { rows, checks } = run();
    for (const row of rows)
      process.stdout.write(
        `${row.size}  ${row.subject}: ${row.seconds.toFixed(1)} s wall, ${row.cpuSeconds?.toFixed(1) ?? "–"} s CPU, ${row.peakMegabytes?.toFixed(0) ?? "–"} MB peak\n`,
      );
    for (const check of checks) process.stdout.write(`${check.ok ? "PASS" : "MISS"}  ${check.label}\n`);
  }
}
