"use strict";
/**
 * Times the engine alone: both CSV files are first loaded into plain arrays (not timed), then the
 * rows are folded with the given accumulator and the barometer computed (timed). Prints JSON.
 *   node bench/engine-child.js EMPLOYEES.csv CUSTOMERS.csv columnar|reference
 */
const fs = require("node:fs");
const path = require("node:path");
const engine = require(path.join(__dirname, "..", "dist", "shared", "src"));

function load(file, population) {
  const lines = fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line !== "");
  const headers = lines[0].split(",");
  const mapping = engine.suggestMapping(headers, population, engine.DEFAULT_MODEL);
  const index = (header) => headers.indexOf(header);
  const layout = {
    population,
    scale: { min: 1, max: 5 },
    items: mapping.columns
      .filter((c) => c.role === "item")
      .map((c) => ({ column: index(c.header), dimension: c.dimension, reversed: c.reversed })),
    recommendationColumn: mapping.columns.filter((c) => c.role === "recommendation").map((c) => index(c.header))[0],
  };
  const unit = mapping.columns.find((c) => c.role === "unit");
  const manager = mapping.columns.find((c) => c.role === "manager");
  const width = headers.length;
  const numeric = new Set([...layout.items.map((item) => item.column), layout.recommendationColumn]);
  const values = new Float64Array((lines.length - 1) * width);
  const units = new Array(lines.length - 1);
  const managers = new Array(lines.length - 1);
  for (let row = 1; row < lines.length; row++) {
    const cells = lines[row].split(",");
    for (let column = 0; column < width; column++)
      values[(row - 1) * width + column] = numeric.has(column) ? engine.readAnswer(cells[column]) : Number.NaN;
    units[row - 1] = unit ? cells[index(unit.header)] : undefined;
    managers[row - 1] = manager ? cells[index(manager.header)] : undefined;
  }
  lines.length = 0;
  return { layout, values, units, managers, width, rows: units.length };
}

const [employeesFile, customersFile, kind] = process.argv.slice(2);
const employees = load(employeesFile, "employees");
const customers = load(customersFile, "customers");
const Accumulator = kind === "reference" ? engine.PopulationAccumulator : engine.ColumnarPopulationAccumulator;

// Small sizes are timed on a warm engine (best of several folds in this process), as an analyst's
// repeated runs would be; at 1 M rows the single cold run is already dominated by the work itself.
const repeats = employees.rows + customers.rows <= 400_000 ? 5 : 1;
let seconds = Number.POSITIVE_INFINITY;
let cpuSeconds = Number.POSITIVE_INFINITY;
let barometer;
for (let attempt = 0; attempt < repeats; attempt++) {
  const started = process.hrtime.bigint();
  const cpuStarted = process.cpuUsage();
  const aggregates = [employees, customers].map((data) => {
    const accumulator = new Accumulator(data.layout);
    const row = new Float64Array(data.width); // one reused row, as the CLI's parser does
    for (let index = 0; index < data.rows; index++) {
      const offset = index * data.width;
      for (let column = 0; column < data.width; column++) row[column] = data.values[offset + column];
      accumulator.addRow(row, data.units[index], data.managers[index]);
    }
    return accumulator.result();
  });
  barometer = engine.computeBarometer(aggregates[0], aggregates[1], { model: engine.DEFAULT_MODEL });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuStarted);
  if (elapsed < seconds) {
    seconds = elapsed;
    cpuSeconds = (cpu.user + cpu.system) / 1e6;
  }
}
process.stdout.write(
  `${JSON.stringify({ seconds, cpuSeconds, symmetryIndex: barometer.symmetryIndex, rows: employees.rows + customers.rows })}\n`,
);
