/** Entry point `@symmetry/engine/correlation`: everything the engine's correlation modules export. */
export * from "./correlation";
