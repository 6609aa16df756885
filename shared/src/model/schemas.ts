import { z } from "zod";
import { CONFIDENTIALITY_FLOOR } from "../privacy/suppression";
import { MAX_SCALE_MAGNITUDE } from "../scale/limits";
import { describeDuplicateItem, findDuplicateItem } from "./duplicateItems";

/**
 * zod schemas for every object that crosses a boundary: the organisation's model,
 * the workbook mapping (custom XML part `urn:symmetry-barometer:mapping:1`) and
 * the barometer result. The add-in, the CLI and the API all validate with these.
 */

export const LanguageSchema = z.enum(["fr", "en"]);
export type Language = z.infer<typeof LanguageSchema>;

export const LocalizedTextSchema = z.strictObject({
  fr: z.string().min(1),
  en: z.string().min(1),
});
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

export const PopulationSchema = z.enum(["employees", "customers"]);
export type Population = z.infer<typeof PopulationSchema>;

const identifier = z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/, "use lower-case letters, digits, '-' or '_', starting with a letter");

const scaleBoundMessage = `a scale bound must lie within ±${MAX_SCALE_MAGNITUDE.toLocaleString("en-GB")} (larger ones overflow the scores)`;
const scaleBound = z.number().min(-MAX_SCALE_MAGNITUDE, scaleBoundMessage).max(MAX_SCALE_MAGNITUDE, scaleBoundMessage);

export const ScaleSchema = z
  .strictObject({
    min: scaleBound,
    max: scaleBound,
  })
  .refine((scale) => scale.max > scale.min, { message: "scale max must be greater than min" });
export type Scale = z.infer<typeof ScaleSchema>;

export const ItemSchema = z.strictObject({
  id: identifier,
  label: LocalizedTextSchema,
  reversed: z.boolean().default(false),
});
export type Item = z.infer<typeof ItemSchema>;

export const DimensionSchema = z.strictObject({
  id: identifier,
  label: LocalizedTextSchema,
  weight: z.number().finite().positive().default(1),
  /** Other header spellings that map to this dimension (short names, FR/EN). */
  aliases: z.array(z.string().min(1)).default([]),
  employeeItems: z.array(ItemSchema).min(1),
  customerItems: z.array(ItemSchema).min(1),
});
export type Dimension = z.infer<typeof DimensionSchema>;

export const ThresholdsSchema = z.strictObject({
  /** No score about fewer employees is shown (Viva Glint, Culture Amp, Lattice: 5). */
  minGroupSize: z
    .number()
    .int()
    .min(CONFIDENTIALITY_FLOOR, `the confidentiality threshold cannot be below ${CONFIDENTIALITY_FLOOR} (it may only be raised)`)
    .default(CONFIDENTIALITY_FLOOR),
  /** Free-text comments need more (Viva Glint: 10). */
  minCommentGroupSize: z
    .number()
    .int()
    .min(CONFIDENTIALITY_FLOOR, `the comment threshold cannot be below ${CONFIDENTIALITY_FLOOR}`)
    .default(10),
  /** Driver analysis needs more still (Culture Amp: 25 responses). */
  minDriverUnits: z.number().int().min(3).default(25),
  /** |gap| in points from which a dimension is on alert or watch. */
  gapThreshold: z.number().finite().min(0).max(100).default(10),
  /** Significance level of the gap test. */
  alpha: z.number().gt(0).lt(1).default(0.05),
});
export type Thresholds = z.infer<typeof ThresholdsSchema>;

export const LabelledEntrySchema = z.strictObject({ id: identifier, label: LocalizedTextSchema });

export const ModelSchema = z
  .strictObject({
    id: identifier,
    version: z.number().int().min(1),
    name: LocalizedTextSchema,
    scales: z.strictObject({ employees: ScaleSchema, customers: ScaleSchema }),
    dimensions: z.array(DimensionSchema).min(1),
    journeyMoments: z.array(LabelledEntrySchema),
    unitAttributes: z.array(LabelledEntrySchema),
    thresholds: ThresholdsSchema,
  })
  .superRefine((model, context) => {
    const seen = new Set<string>();
    model.dimensions.forEach((dimension, index) => {
      if (seen.has(dimension.id)) {
        context.addIssue({ code: "custom", path: ["dimensions", index, "id"], message: `duplicate dimension id "${dimension.id}"` });
      }
      seen.add(dimension.id);
    });
  });
export type Model = z.infer<typeof ModelSchema>;

/** Roles a source column can play once mapped. */
export const ColumnRoleSchema = z.enum(["item", "recommendation", "unit", "manager", "wave", "attribute", "ignore"]);
export type ColumnRole = z.infer<typeof ColumnRoleSchema>;

export const ColumnMappingSchema = z
  .strictObject({
    /** Header text as it appears in the source (sheet, table or CSV). */
    header: z.string().min(1),
    role: ColumnRoleSchema,
    dimension: identifier.optional(),
    item: z.number().int().min(1).optional(),
    scale: ScaleSchema.optional(),
    reversed: z.boolean().default(false),
  })
  .superRefine((column, context) => {
    if (column.role === "item" && !column.dimension) {
      context.addIssue({ code: "custom", path: ["dimension"], message: `column "${column.header}" is an item but names no dimension` });
    }
    if (column.role !== "item" && column.dimension) {
      context.addIssue({
        code: "custom",
        path: ["dimension"],
        message: `column "${column.header}" has a dimension but its role is ${column.role}`,
      });
    }
  });
export type ColumnMapping = z.infer<typeof ColumnMappingSchema>;

export const SourceSchema = z.strictObject({
  /** Sheet name, with an optional A1 range or a table name. */
  sheet: z.string().min(1),
  range: z.string().optional(),
  table: z.string().optional(),
  columns: z.array(ColumnMappingSchema),
});
export type Source = z.infer<typeof SourceSchema>;

export const MAPPING_NAMESPACE = "urn:symmetry-barometer:mapping:1";

export const MappingSchema = z
  .strictObject({
    version: z.literal(1),
    modelId: identifier.default("default"),
    language: LanguageSchema.default("en"),
    employees: SourceSchema,
    customers: SourceSchema,
    units: z
      .strictObject({
        sheet: z.string().min(1),
        range: z.string().optional(),
        table: z.string().optional(),
        unitColumn: z.string().min(1),
        headcountColumn: z.string().optional(),
        leaversColumn: z.string().optional(),
        salaryColumn: z.string().optional(),
        attributeColumn: z.string().optional(),
      })
      .optional(),
    scales: z.strictObject({ employees: ScaleSchema, customers: ScaleSchema }),
    thresholds: ThresholdsSchema.partial().default({}),
  })
  .superRefine((mapping, context) => {
    for (const population of ["employees", "customers"] as const) {
      const columns = mapping[population].columns;
      const headers = new Set<string>();
      columns.forEach((column, index) => {
        if (headers.has(column.header)) {
          context.addIssue({
            code: "custom",
            path: [population, "columns", index, "header"],
            message: `column "${column.header}" is mapped twice`,
          });
        }
        headers.add(column.header);
      });
      const duplicate = findDuplicateItem(columns);
      if (duplicate) context.addIssue({ code: "custom", path: [population, "columns"], message: describeDuplicateItem(duplicate) });
      for (const role of ["unit", "manager", "wave", "recommendation"] as const) {
        if (columns.filter((column) => column.role === role).length > 1) {
          context.addIssue({
            code: "custom",
            path: [population, "columns"],
            message: `only one ${role} column is allowed among the ${population}`,
          });
        }
      }
    }
  });
export type Mapping = z.infer<typeof MappingSchema>;

const intervalShape = {
  value: z.number(),
  low: z.number(),
  high: z.number(),
  n: z.number().int(),
};
export const NpsIntervalSchema = z.object(intervalShape);

export const GapStatusSchema = z.enum(["alert", "watch", "ok", "suppressed"]);
export type GapStatus = z.infer<typeof GapStatusSchema>;

const scoreShape = z.object({ score: z.number().nullable(), n: z.number().int(), alpha: z.number().nullable().optional() });

export const BarometerResultSchema = z.object({
  employees: z.object({ n: z.number().int(), enps: NpsIntervalSchema.nullable() }),
  customers: z.object({ n: z.number().int(), nps: NpsIntervalSchema.nullable() }),
  dimensions: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      employee: scoreShape,
      customer: scoreShape,
      gap: z.number().nullable(),
      low: z.number().nullable(),
      high: z.number().nullable(),
      p: z.number().nullable(),
      hedgesG: z.number().nullable(),
      status: GapStatusSchema,
    }),
  ),
  symmetryIndex: z.number().nullable(),
  units: z.array(z.object({ unit: z.string(), n: z.number().int().nullable(), enps: z.number().nullable(), suppressed: z.boolean() })),
});
export type BarometerResult = z.infer<typeof BarometerResultSchema>;

/** Flattens zod issues into `{path, message}` pairs for messages and 400 bodies. */
export function describeIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
}
