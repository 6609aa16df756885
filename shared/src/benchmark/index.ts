/** Entry point `@symmetry/engine/benchmark`: everything the engine's benchmark modules export. */
export * from "./contribution";
export * from "./percentileRank";
export * from "./pool";
export * from "./summarySchema";
