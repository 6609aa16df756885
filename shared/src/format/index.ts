/** Entry point `@symmetry/engine/format`: everything the engine's format modules export. */
export * from "./display";
