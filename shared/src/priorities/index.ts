/** Entry point `@symmetry/engine/priorities`: everything the engine's priorities modules export. */
export * from "./priorities";
export * from "./respondentDrivers";
export * from "./moneyChain";
