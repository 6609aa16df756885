import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import { SymError } from "../errors";

export interface RelativeWeights {
  /** Raw relative weights; they sum to R². */
  weights: number[];
  rSquared: number;
}

/**
 * Relative weights (Johnson 2000, Multivariate Behavioral Research 35(1); Tonidandel & LeBreton
 * 2015), as docs/domain.md#key-drivers: with standardised X and y, Rxx = QΛQᵀ, Λ½ = QΛ^½Qᵀ, β = (Λ½)⁻¹·rxy,
 * raw weight_j = Σk (Λ½)²jk·β²k. They sum to the R² of the OLS regression of y on X.
 *
 * @param predictorCorrelations Rxx, p × p
 * @param outcomeCorrelations rxy, p
 * @throws zero-variance when the predictors are collinear (Rxx singular)
 */
export function relativeWeights(
  predictorCorrelations: readonly (readonly number[])[],
  outcomeCorrelations: readonly number[],
): RelativeWeights {
  const p = outcomeCorrelations.length;
  const decomposition = new EigenvalueDecomposition(new Matrix(predictorCorrelations.map((row) => [...row])), { assumeSymmetric: true });
  const eigenvalues = decomposition.realEigenvalues;
  const vectors = decomposition.eigenvectorMatrix;
  const largest = Math.max(...eigenvalues);
  if (eigenvalues.some((value) => !(value > largest * 1e-10))) {
    throw new SymError("zero-variance", "relativeWeights requires predictors that are not collinear");
  }
  // Λ½ = Q diag(√λ) Qᵀ and its inverse Q diag(1/√λ) Qᵀ
  const root: number[][] = [];
  const inverseRoot: number[][] = [];
  for (let i = 0; i < p; i++) {
    root.push(new Array<number>(p).fill(0));
    inverseRoot.push(new Array<number>(p).fill(0));
    for (let j = 0; j < p; j++) {
      let sum = 0;
      let inverseSum = 0;
      for (let k = 0; k < p; k++) {
        const product = vectors.get(i, k) * vectors.get(j, k);
        sum += product * Math.sqrt(eigenvalues[k]);
        inverseSum += product / Math.sqrt(eigenvalues[k]);
      }
      root[i][j] = sum;
      inverseRoot[i][j] = inverseSum;
    }
  }
  const beta = inverseRoot.map((row) => row.reduce((sum, value, k) => sum + value * outcomeCorrelations[k], 0));
  const weights = root.map((row) => row.reduce((sum, value, k) => sum + value * value * beta[k] * beta[k], 0));
  return { weights, rSquared: weights.reduce((sum, weight) => sum + weight, 0) };
}

/** Correlation matrix blocks (Rxx, rxy) from a symmetric (p+1)×(p+1) matrix whose last variable is y. */
export function splitCorrelations(matrix: readonly (readonly number[])[]): { predictors: number[][]; outcome: number[] } {
  const p = matrix.length - 1;
  return {
    predictors: matrix.slice(0, p).map((row) => row.slice(0, p)),
    outcome: matrix.slice(0, p).map((row) => row[p]),
  };
}
