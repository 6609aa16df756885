/** Entry point `@symmetry/engine/turnover`: everything the engine's turnover modules export. */
export * from "./turnover";
