/** Entry point `@symmetry/engine/gap`: everything the engine's gap modules export. */
export * from "./headline";
export * from "./status";
export * from "./symmetryIndex";
export * from "./welch";
