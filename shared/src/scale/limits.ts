/**
 * Magnitudes the statistics can take safely in doubles. Sums of squares and cross-products over
 * up to a million values overflow or lose every digit near 1e154 (1e160² is beyond 1.8e308: r
 * becomes 0, p 1, a slope 0); a scale of ±1e308 has a span of Infinity and turns every answer
 * into a missing value. Real values are far inside these bounds.
 */

/** Largest |min| or |max| of an answer scale (scales are 1–5, 0–10, 1–100…). */
export const MAX_SCALE_MAGNITUDE = 1e6;

/** Largest |value| of a unit metric, a headcount, a number of leavers or a salary. */
export const MAX_METRIC_MAGNITUDE = 1e12;
