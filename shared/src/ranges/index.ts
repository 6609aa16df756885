/** Entry point `@symmetry/engine/ranges`: everything the engine's ranges modules export. */
export * from "./cells";
export * from "./driverRange";
export * from "./gapChangeRange";
export * from "./groupRange";
export * from "./heatmapRange";
export * from "./itemRange";
export * from "./pairedRange";
export * from "./recommendationRange";
export * from "./scoreRange";
export * from "./threshold";
