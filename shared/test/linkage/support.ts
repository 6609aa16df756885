import { readFileSync } from "fs";
import { join } from "path";
import type { LinkageRequest } from "@symmetry/engine";

export { catchSymError, expectClose, expectRelativelyClose } from "../support/reference";

/**
 * The linkage fixture, written by shared/test/linkage/reference/make_reference.py (numpy, scipy,
 * pandas, statsmodels; versions in its `provenance`). Missing values are JSON null.
 */
export function loadLinkageReference(): LinkageReference {
  return JSON.parse(readFileSync(join(__dirname, "reference", "linkage.json"), "utf8")) as LinkageReference;
}

interface Interval {
  p: number;
  low: number;
  high: number;
}

export interface CorrelationCase {
  name: string;
  x: number[];
  y: number[];
  confidence: number;
  pearson: Interval & { r: number; n: number };
  spearman: Interval & { r: number; n: number };
}

export interface RelativeWeightsCase {
  name: string;
  names: string[];
  predictorCorrelations: number[][];
  outcomeCorrelations: number[];
  weights: number[];
  rSquared: number;
  squaredCorrelations?: number[];
  published?: { rSquared: number; weights: number[]; rescaledPercent: number[] };
}

export interface LagCase {
  name: string;
  request: LinkageRequest;
  waveOrder: string[];
  expected: { observations: number; units: number; excluded: number; pairs: string[]; pearson: { r: number; p: number } };
}

export interface AggregationCase {
  employees: { unit: string; wave: string; values: (number | null)[] }[];
  customers: { unit: string; wave: string; values: (number | null)[] }[];
  attributes: { unit: string; headcount: number; leavers: number; salary: number }[];
  expected: {
    unit: string;
    wave: string;
    employeesN: number;
    metrics: Record<string, number | null>;
    headcount?: number;
    leavers?: number;
    salary?: number;
  }[];
}

/** The shape of reference/linkage.json, as make_reference.py writes it. */
export interface LinkageReference {
  correlations: { cases: CorrelationCase[] };
  benjaminiHochberg: { cases: { p: number[]; q: number[] }[] };
  regression: {
    cases: (Interval & {
      name: string;
      x: number[];
      y: number[];
      confidence: number;
      slope: number;
      intercept: number;
      standardError: number;
    })[];
  };
  relativeWeights: { cases: RelativeWeightsCase[] };
  percentile: { cases: { values: (number | null)[]; probabilities: number[]; expected: number[] }[] };
  resample: { x: number[]; y: number[]; replicates: { counts: number[]; pearson: number; spearman: number }[] };
  request: {
    request: LinkageRequest;
    expected: {
      units: number;
      excluded: number;
      correlations: (Interval & { x: string; y: string; method: string; r: number; n: number; q: number })[];
      quartiles: (Interval & { x: string; y: string; unitsPerQuartile: number; top: number; bottom: number; difference: number })[];
      drivers: { y: string; id: string; weight: number; share: number; rSquared: number; n: number }[];
      turnover: Interval & {
        n: number;
        slope: number;
        intercept: number;
        headcount: number;
        meanSalary: number;
        avoidedLeavers: number;
        valuePerPoint: number;
        valueOfDelta: number;
        presets: Record<string, number>;
      };
    };
  };
  lag: LagCase[];
  aggregation: AggregationCase;
}
