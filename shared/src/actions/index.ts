/** Entry point `@symmetry/engine/actions`: the action plan, its workbook part and its outcomes. */
export * from "./actions";
export * from "./outcomes";
