/** Entry point `@symmetry/engine/scale`: everything the engine's scale modules export. */
export * from "./answers";
export * from "./scores";
export * from "./limits";
