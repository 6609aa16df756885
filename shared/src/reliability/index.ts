/** Entry point `@symmetry/engine/reliability`: everything the engine's reliability modules export. */
export * from "./cronbach";
