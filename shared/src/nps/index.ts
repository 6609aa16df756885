/** Entry point `@symmetry/engine/nps`: everything the engine's nps modules export. */
export * from "./nps";
