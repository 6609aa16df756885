/** Entry point `@symmetry/engine/trend`: everything the engine's trend modules export. */
export * from "./change";
export * from "./trend";
export * from "./waveOrder";
