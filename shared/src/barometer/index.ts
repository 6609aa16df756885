/** Entry point `@symmetry/engine/barometer`: everything the engine's barometer modules export. */
export * from "./aggregate";
export * from "./barometer";
