import * as fs from "node:fs";
import {
  DEFAULT_MODEL,
  PopulationAccumulator,
  computeBarometer,
  readAnswer,
  suggestMapping,
  type PopulationAggregate,
  type Population,
} from "@symmetry/engine";

/**
 * The barometer computed straight with the engine's reference `PopulationAccumulator`, from rows
 * read the simplest possible way (whole file, split on lines and delimiters, `readAnswer` per cell).
 * Only for the bundled samples, which hold no quoted fields.
 */
export function aggregateDirectly(file: string, population: Population): PopulationAggregate {
  const text = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  const lines = text.split(/\r?\n/).filter((line) => line !== "");
  const delimiter = lines[0].includes(";") ? ";" : ",";
  const headers = lines[0].split(delimiter);
  const mapping = suggestMapping(headers, population, DEFAULT_MODEL);
  const column = (header: string) => headers.indexOf(header);
  const accumulator = new PopulationAccumulator({
    population,
    scale: { min: 1, max: 5 },
    items: mapping.columns
      .filter((entry) => entry.role === "item")
      .map((entry) => ({ column: column(entry.header), dimension: entry.dimension!, reversed: entry.reversed })),
    recommendationColumn: mapping.columns.filter((entry) => entry.role === "recommendation").map((entry) => column(entry.header))[0],
  });
  const unit = mapping.columns.find((entry) => entry.role === "unit");
  const manager = mapping.columns.find((entry) => entry.role === "manager");
  for (const line of lines.slice(1)) {
    const cells = line.split(delimiter);
    const values = cells.map((cell, index) =>
      mapping.columns.some((entry) => entry.header === headers[index] && (entry.role === "item" || entry.role === "recommendation"))
        ? readAnswer(cell)
        : Number.NaN,
    );
    accumulator.addRow(values, unit ? cells[column(unit.header)] : undefined, manager ? cells[column(manager.header)] : undefined);
  }
  return accumulator.result();
}

export function barometerDirectly(employeesFile: string, customersFile: string, minGroupSize = 5) {
  return computeBarometer(aggregateDirectly(employeesFile, "employees"), aggregateDirectly(customersFile, "customers"), {
    model: DEFAULT_MODEL,
    language: "en",
    thresholds: { minGroupSize },
  });
}
