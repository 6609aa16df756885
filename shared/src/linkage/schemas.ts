import { z } from "zod";
import { CONFIDENTIALITY_FLOOR } from "../privacy/suppression";
import { MAX_METRIC_MAGNITUDE } from "../scale/limits";

/**
 * What a linkage analysis takes: unit aggregates only (never respondent rows), so the same
 * request runs in the CLI, in the add-in's Web Worker and as an API job.
 */

/** A metric's name; `__proto__` is refused: as an object key it would set the prototype and vanish. */
const metricName = z
  .string()
  .min(1)
  .refine((name) => name !== "__proto__", { message: 'the metric name "__proto__" is reserved; rename it' });

const magnitudeMessage = `beyond ±${MAX_METRIC_MAGNITUDE.toExponential()}: too large to compute safely (sums of squares overflow)`;
/** A unit figure the statistics can square and sum without overflowing (see MAX_METRIC_MAGNITUDE). */
const metricValue = z.number().min(-MAX_METRIC_MAGNITUDE, magnitudeMessage).max(MAX_METRIC_MAGNITUDE, magnitudeMessage);
const unitCount = z.number().min(0).max(MAX_METRIC_MAGNITUDE, magnitudeMessage);

export const UnitRowSchema = z
  .strictObject({
    unit: z.string().min(1),
    wave: z.string().min(1).optional(),
    /** Employee respondents behind the unit's employee metrics (the confidentiality count). */
    employeesN: z.number().int().min(0),
    headcount: unitCount.optional(),
    leavers: unitCount.optional(),
    salary: unitCount.optional(),
    /** Unit metrics by name (eNPS, dimension scores, NPS, turnover…); null = missing. */
    metrics: z.record(metricName, metricValue.nullable()),
  })
  .refine((unit) => unit.leavers === undefined || unit.headcount === undefined || unit.leavers <= unit.headcount, {
    path: ["leavers"],
    message: "leavers cannot exceed headcount",
  });
export type UnitRow = z.infer<typeof UnitRowSchema>;

export const CorrelationMethodSchema = z.enum(["pearson", "spearman"]);

export const LinkageRequestSchema = z.strictObject({
  units: z.array(UnitRowSchema).min(1),
  x: z.array(metricName).min(1),
  y: z.array(metricName).min(1),
  methods: z.array(CorrelationMethodSchema).min(1).default(["pearson"]),
  /** Bootstrap replicates over units (0 = none). */
  bootstrap: z.number().int().min(0).max(100_000).default(1000),
  seed: z.number().int().min(0).max(4_294_967_295).default(1),
  minN: z
    .number()
    .int()
    .min(CONFIDENTIALITY_FLOOR, `minN cannot be below the confidentiality threshold of ${CONFIDENTIALITY_FLOOR} employees`)
    .default(CONFIDENTIALITY_FLOOR),
  /** Employee wave t against outcome wave t+1, matched by unit. */
  lag: z.boolean().default(false),
  confidence: z.number().gt(0).lt(1).default(0.95),
  drivers: z
    .strictObject({
      /** Employee metrics whose relative weights are estimated (default: x). */
      predictors: z.array(z.string().min(1)).min(2).optional(),
      /** Culture Amp shows driver analysis only above 25 responses. */
      minUnits: z.number().int().min(3).default(25),
    })
    .optional(),
  turnover: z
    .strictObject({
      /** The employee metric turnover is regressed on. */
      x: z.string().min(1).default("enps"),
      /** Replacement cost as a share of annual salary (Boushey & Glynn 2012 median: 0.21). */
      costRatio: z.number().finite().min(0).default(0.21),
      /** Size of the eNPS improvement valued (points). */
      deltaPoints: z.number().finite().default(1),
    })
    .optional(),
});
export type LinkageRequest = z.input<typeof LinkageRequestSchema>;
export type ParsedLinkageRequest = z.output<typeof LinkageRequestSchema>;

export interface CorrelationRow {
  x: string;
  y: string;
  method: "pearson" | "spearman";
  r: number;
  low: number;
  high: number;
  p: number;
  q: number;
  n: number;
  bootLow: number | null;
  bootHigh: number | null;
}

export interface QuartileRow {
  x: string;
  y: string;
  /** Units in each of the top and bottom quartiles. */
  unitsPerQuartile: number;
  top: number;
  bottom: number;
  difference: number;
  low: number | null;
  high: number | null;
  p: number | null;
}

export interface DriverRow {
  y: string;
  id: string;
  weight: number;
  share: number;
  low: number | null;
  high: number | null;
  rSquared: number;
  n: number;
}

export interface TurnoverLinkage {
  x: string;
  n: number;
  slope: number;
  intercept: number;
  low: number;
  high: number;
  p: number;
  headcount: number;
  meanSalary: number;
  costRatio: number;
  deltaPoints: number;
  /** Leavers avoided per year for +deltaPoints (from the slope; negative when turnover would rise). */
  avoidedLeavers: number;
  /** Value in currency of +1 point of the x metric at `costRatio`. */
  valuePerPoint: number;
  valueOfDelta: number;
  presets: { id: string; costRatio: number; valuePerPoint: number; valueOfDelta: number }[];
}

export interface LinkageResult {
  units: number;
  excluded: number;
  observations: number;
  lag: boolean;
  bootstrap: number;
  seed: number;
  correlations: CorrelationRow[];
  quartiles: QuartileRow[];
  drivers: DriverRow[];
  driversSkipped?: string;
  turnover: TurnoverLinkage | null;
  turnoverSkipped?: string;
}
