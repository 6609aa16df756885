/** Entry point `@symmetry/engine/linkage`: everything the engine's linkage modules export. */
export * from "./analysis";
export * from "./bootstrapSummary";
export * from "./limits";
export * from "./percentile";
export * from "./regression";
export * from "./relativeWeights";
export * from "./schemas";
export * from "./table";
export * from "./unitAggregation";
export * from "./weightedColumns";
