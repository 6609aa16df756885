/** Entry point `@symmetry/engine/privacy`: everything the engine's privacy modules export. */
export * from "./jointSuppression";
export * from "./suppression";
