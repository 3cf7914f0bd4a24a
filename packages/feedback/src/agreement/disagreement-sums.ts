// The two sums that both kappa and alpha divide: observed and chance-expected disagreement over a
// k × k table of category pairs, each pair weighted by its distance δ. Both statistics are then
// 1 − observed / expected (up to the scale each one puts on the sums).

export interface DisagreementSums {
  /** Σ δ(i, j)·table[i][j] */
  observed: number;
  /** Σ δ(i, j)·rows[i]·columns[j] */
  expected: number;
}

/** `table` is k × k row-major; `rows` and `columns` are its margins (for alpha both the same). */
export function sumDisagreements(
  table: readonly number[],
  rows: readonly number[],
  columns: readonly number[],
  delta: (i: number, j: number) => number,
): DisagreementSums {
  const k = rows.length;
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const d = delta(i, j);
      if (d === 0) continue;
      observed += d * (table[i * k + j] ?? 0);
      expected += d * (rows[i] ?? 0) * (columns[j] ?? 0);
    }
  }
  return { observed, expected };
}
