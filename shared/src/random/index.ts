/** Entry point `@symmetry/engine/random`: everything the engine's random modules export. */
export * from "./mersenneTwister";
export * from "./replicateGenerator";
