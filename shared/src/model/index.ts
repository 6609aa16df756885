/** Entry point `@symmetry/engine/model`: everything the engine's model modules export. */
export * from "./defaultModel";
export * from "./headers";
export * from "./jsonXmlPart";
export * from "./mappingXml";
export * from "./schemas";
export * from "./unitsColumns";
