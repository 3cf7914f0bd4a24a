// Newton's method for the Bradley–Terry maximum-likelihood fit over per-pair counts. The
// log-likelihood is concave, its Hessian is a weighted graph Laplacian of models × models, so each
// iteration costs O(pairs + models³) whatever the number of battles, and from a warm start (the
// bootstrap's rounds) it converges in three or four.

export interface SolverSettings {
  /** Weight of the ½·l2·Σθ² penalty on natural-scale strengths θ. */
  readonly l2: number;
  /** Largest change of any rating difference, in natural units, that counts as converged. */
  readonly tolerance: number;
  readonly maxIterations: number;
}

export interface SolverResult {
  iterations: number;
  converged: boolean;
  /** False when l2 = 0 and some models never met the others even indirectly: no MLE exists. */
  connected: boolean;
}

export interface BradleyTerrySolver {
  /**
   * Maximises Σ_p [a_p·ln σ(θ_i − θ_j) + b_p·ln σ(θ_j − θ_i)] − ½·l2·Σθ² over θ, in place, starting
   * from `theta`; a_p and b_p are pair p's wins for its first and second model (ties as ½ each).
   */
  solve(a: Float64Array, b: Float64Array, theta: Float64Array): SolverResult;
}

const ARMIJO = 1e-4;

export function createBradleyTerrySolver(
  m: number,
  first: Int32Array,
  second: Int32Array,
  { l2, tolerance, maxIterations }: SolverSettings,
): BradleyTerrySolver {
  const gradient = new Float64Array(m);
  const matrix = new Float64Array(m * m);
  const step = new Float64Array(m);
  const trial = new Float64Array(m);

  // a·ln σ(d) + b·ln σ(−d) = −(a + b)·ln(1 + e^−|d|) − a·max(−d, 0) − b·max(d, 0): one exp and
  // one log per pair, and no overflow however far apart two models drift.
  const objective = (theta: Float64Array, a: Float64Array, b: Float64Array): number => {
    let value = 0;
    for (let p = 0; p < first.length; p++) {
      const d = theta[first[p]!]! - theta[second[p]!]!;
      value -= (a[p]! + b[p]!) * Math.log1p(Math.exp(-Math.abs(d)));
      value -= d < 0 ? -a[p]! * d : b[p]! * d;
    }
    for (let i = 0; i < m; i++) value -= 0.5 * l2 * theta[i]! ** 2;
    return value;
  };

  // Gradient and negative Hessian at theta. The likelihood ignores a common shift of every θ, so
  // the Laplacian alone is singular along (1, …, 1); adding 11ᵀ/m fixes that direction without
  // touching rating differences, which makes l2 = 0 (the plain MLE) solvable too.
  const linearise = (theta: Float64Array, a: Float64Array, b: Float64Array): void => {
    matrix.fill(1 / m);
    for (let i = 0; i < m; i++) {
      gradient[i] = -l2 * theta[i]!;
      matrix[i * m + i]! += l2;
    }
    for (let p = 0; p < first.length; p++) {
      const i = first[p]!;
      const j = second[p]!;
      const n = a[p]! + b[p]!;
      const s = 1 / (1 + Math.exp(theta[j]! - theta[i]!));
      const g = a[p]! - n * s;
      const h = n * s * (1 - s);
      gradient[i]! += g;
      gradient[j]! -= g;
      matrix[i * m + i]! += h;
      matrix[j * m + j]! += h;
      matrix[i * m + j]! -= h;
      matrix[j * m + i]! -= h;
    }
  };

  return {
    solve(a, b, theta) {
      if (l2 === 0 && !isConnected(m, first, second, a, b)) {
        return { iterations: 0, converged: false, connected: false };
      }
      let value = objective(theta, a, b);
      for (let iteration = 1; iteration <= maxIterations; iteration++) {
        linearise(theta, a, b);
        // On a connected graph only a rating running off to infinity (l2 = 0 and a model that
        // never lost or never won) flattens the curvature this far: there is no maximum to reach.
        if (!solveCholesky(matrix, gradient, step, m)) {
          return { iterations: iteration, converged: false, connected: true };
        }
        // Ratings depend on differences only, so the step's common shift does not count.
        let low = Infinity;
        let high = -Infinity;
        let slope = 0;
        for (let i = 0; i < m; i++) {
          low = Math.min(low, step[i]!);
          high = Math.max(high, step[i]!);
          slope += gradient[i]! * step[i]!;
        }
        let t = 1;
        let trialValue: number;
        for (;;) {
          for (let i = 0; i < m; i++) trial[i] = theta[i]! + t * step[i]!;
          trialValue = objective(trial, a, b);
          // Backtrack only on a real loss: near the optimum the gain falls below the rounding of a
          // sum of ~10⁵ log-likelihood terms, and the quadratic model is then the better judge.
          const gain = trialValue - value;
          if (gain >= ARMIJO * t * slope || Math.abs(gain) <= 1e-12 * Math.abs(value) || t < 1e-10)
            break;
          t /= 2;
        }
        theta.set(trial);
        value = trialValue;
        if ((high - low) * t <= tolerance)
          return { iterations: iteration, converged: true, connected: true };
      }
      return { iterations: maxIterations, converged: false, connected: true };
    },
  };
}

/** Whether the pairs that actually met (a + b > 0) link every model to every other (union–find). */
function isConnected(
  m: number,
  first: Int32Array,
  second: Int32Array,
  a: Float64Array,
  b: Float64Array,
): boolean {
  const parent = Int32Array.from({ length: m }, (_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  let groups = m;
  for (let p = 0; p < first.length; p++) {
    if (a[p]! + b[p]! === 0) continue;
    const x = root(first[p]!);
    const y = root(second[p]!);
    if (x !== y) {
      parent[x] = y;
      groups--;
    }
  }
  return groups <= 1;
}

/**
 * Solves matrix·x = rhs for a symmetric positive-definite matrix (Cholesky, in place). False when a
 * pivot vanishes, i.e. the matrix is numerically singular.
 */
function solveCholesky(
  matrix: Float64Array,
  rhs: Float64Array,
  x: Float64Array,
  m: number,
): boolean {
  for (let j = 0; j < m; j++) {
    let pivot = matrix[j * m + j]!;
    for (let k = 0; k < j; k++) pivot -= matrix[j * m + k]! ** 2;
    if (!(pivot > 1e-12 * (1 + Math.abs(matrix[j * m + j]!)))) return false;
    const root = Math.sqrt(pivot);
    matrix[j * m + j] = root;
    for (let i = j + 1; i < m; i++) {
      let sum = matrix[i * m + j]!;
      for (let k = 0; k < j; k++) sum -= matrix[i * m + k]! * matrix[j * m + k]!;
      matrix[i * m + j] = sum / root;
    }
  }
  for (let i = 0; i < m; i++) {
    let sum = rhs[i]!;
    for (let k = 0; k < i; k++) sum -= matrix[i * m + k]! * x[k]!;
    x[i] = sum / matrix[i * m + i]!;
  }
  for (let i = m - 1; i >= 0; i--) {
    let sum = x[i]!;
    for (let k = i + 1; k < m; k++) sum -= matrix[k * m + i]! * x[k]!;
    x[i] = sum / matrix[i * m + i]!;
  }
  return true;
}
