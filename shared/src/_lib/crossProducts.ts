/** Means and centred sums of squares and cross-products of paired data (two passes, for accuracy). */
export interface CrossProducts {
  meanX: number;
  meanY: number;
  sxx: number;
  syy: number;
  sxy: number;
}

export function crossProducts(x: ArrayLike<number>, y: ArrayLike<number>): CrossProducts {
  const n = x.length;
  let meanX = 0;
  let meanY = 0;
  for (let i = 0; i < n; i++) {
    meanX += x[i];
    meanY += y[i];
  }
  meanX /= n;
  meanY /= n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - meanX;
    const dy = y[i] - meanY;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  return { meanX, meanY, sxx, syy, sxy };
}
