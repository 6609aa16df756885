/** Entry point `@symmetry/engine/streaming`: everything the engine's streaming modules export. */
export * from "./columnarAccumulator";
