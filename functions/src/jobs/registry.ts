import { barometerJob } from "./barometerJob";
import type { JobKind } from "./kind";
import { linkageJob } from "./linkageJob";
import { trendJob } from "./trendJob";

/**
 * Job kinds by name: the single place a new kind is plugged in. The request schema, the worker
 * and the docs' list of kinds all read this table.
 */
export const jobKinds = {
  barometer: barometerJob as JobKind,
  linkage: linkageJob as JobKind,
  trend: trendJob as JobKind,
} satisfies Record<string, JobKind>;

export type JobKindName = keyof typeof jobKinds;

export function jobKindNames(): string[] {
  return Object.keys(jobKinds);
}

export function findJobKind(name: string): JobKind | undefined {
  return Object.prototype.hasOwnProperty.call(jobKinds, name) ? (jobKinds as Record<string, JobKind>)[name] : undefined;
}
