/** Entry point `@symmetry/engine/heatmap`: everything the engine's heatmap modules export. */
export * from "./cellTable";
export * from "./groupings";
export * from "./heatmap";
export * from "./supportFront";
