/**
 * What stands next to the symmetry index in every output, so that an index of 95 with two alerts
 * never reads as "almost perfect": the number of dimensions on alert and the largest gap (by |gap|,
 * with its sign and dimension).
 */
export interface Headline {
  alerts: number;
  largestGap: { id: string; gap: number } | null;
}

export function headlineOf(dimensions: readonly { id: string; gap: number | null; status: string }[]): Headline {
  let largestGap: Headline["largestGap"] = null;
  let alerts = 0;
  for (const dimension of dimensions) {
    if (dimension.status === "alert") alerts += 1;
    if (dimension.gap !== null && (largestGap === null || Math.abs(dimension.gap) > Math.abs(largestGap.gap))) {
      largestGap = { id: dimension.id, gap: dimension.gap };
    }
  }
  return { alerts, largestGap };
}
