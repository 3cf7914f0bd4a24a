// Krippendorff's alpha: α = 1 − D_o / D_e, observed over expected disagreement, for any number of
// coders, missing values and nominal, ordinal, interval or ratio data. Computed from the coincidence
// matrix as in Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability",
// https://repository.upenn.edu/asc_papers/43, and the Python `krippendorff` package.
import { sumDisagreements } from './disagreement-sums.js';
import {
  indexCategories,
  isList,
  orderCategories,
  requireLabel,
  requireNonEmpty,
  type Label,
} from './labels.js';
import { invalidInput } from '../feedback-errors.js';

/** Stevens' level of measurement; it picks the difference function δ². */
export type MeasurementLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

export interface KrippendorffAlphaOptions {
  /** Default `nominal`: labels in feedback are mostly categories (unlike the Python package's `interval`). */
  level?: MeasurementLevel;
  /** The values in scale order: required for ordinal string labels, checked against the data otherwise. */
  values?: readonly Label[];
}

export interface KrippendorffAlphaResult {
  /**
   * 1 perfect, 0 as if by chance, < 0 systematic disagreement. NaN when D_e = 0 (only one value
   * in all pairable data), where α is 0/0; the Python package raises there instead, we keep the
   * report whole.
   */
  alpha: number;
  observedDisagreement: number;
  expectedDisagreement: number;
  /** n: the values in units that have two or more (the others cannot be paired and are ignored). */
  pairableValues: number;
  /** Units with two or more values. */
  units: number;
}

/** Coders × units, as Krippendorff tabulates it and R irr / Python take it; null or undefined is missing. */
export type ReliabilityData = readonly (readonly (Label | null | undefined)[])[];

export function krippendorffAlpha(
  reliabilityData: ReliabilityData,
  options: KrippendorffAlphaOptions = {},
): KrippendorffAlphaResult {
  requireNonEmpty(reliabilityData, 'reliabilityData');
  const unitCount = reliabilityData[0]?.length ?? 0;
  const units: Label[][] = Array.from({ length: unitCount }, () => []);
  reliabilityData.forEach((row, c) => {
    if (!isList(row) || row.length !== unitCount) {
      throw invalidInput(`reliabilityData[${c}]`, `must have ${unitCount} units like row 0`);
    }
    row.forEach((value, u) => {
      if (value === null || value === undefined) return;
      requireLabel(value, `reliabilityData[${c}][${u}]`);
      units[u]?.push(value);
    });
  });
  return alphaOfUnits(units, options, 'reliabilityData');
}

/** The same statistic from the values each unit received (no coder identity needed). */
export function alphaOfUnits(
  units: readonly (readonly Label[])[],
  options: KrippendorffAlphaOptions,
  field: string,
): KrippendorffAlphaResult {
  const level = options.level ?? 'nominal';
  if (!['nominal', 'ordinal', 'interval', 'ratio'].includes(level)) {
    throw invalidInput('level', 'must be nominal, ordinal, interval or ratio');
  }
  const numeric = level === 'interval' || level === 'ratio';
  if (numeric && units.some((unit) => unit.some((value) => typeof value !== 'number'))) {
    throw invalidInput(field, `must hold numbers for the ${level} level`);
  }
  if (numeric && options.values?.some((value) => typeof value !== 'number')) {
    throw invalidInput('values', `must be numbers for the ${level} level`);
  }
  const values = orderCategories(units.flat(), {
    categories: options.values,
    ordered: level === 'ordinal',
    field: 'values',
    purpose: 'the ordinal level',
  });
  const index = indexCategories(values);
  const v = values.length;

  // Coincidence matrix: each unit with m values adds its m(m − 1) ordered pairs, weighted 1/(m − 1).
  const coincidences = new Array<number>(v * v).fill(0);
  let pairableUnits = 0;
  let n = 0;
  for (const unit of units) {
    if (unit.length < 2) continue;
    pairableUnits++;
    n += unit.length;
    const counts = new Map<number, number>();
    for (const value of unit) {
      const i = index.get(value) ?? 0;
      counts.set(i, (counts.get(i) ?? 0) + 1);
    }
    for (const [c, nc] of counts) {
      for (const [k, nk] of counts) {
        const pairs = c === k ? nc * (nc - 1) : nc * nk;
        coincidences[c * v + k] = (coincidences[c * v + k] ?? 0) + pairs / (unit.length - 1);
      }
    }
  }
  if (pairableUnits === 0) throw invalidInput(field, 'has no unit with two or more values');

  const marginals = values.map((_, c) => {
    let sum = 0;
    for (let k = 0; k < v; k++) sum += coincidences[c * v + k] ?? 0;
    return sum;
  });
  const delta = differenceFunction(level, values, marginals);
  const { observed, expected } = sumDisagreements(coincidences, marginals, marginals, delta);
  const observedDisagreement = observed / n;
  const expectedDisagreement = expected / (n * (n - 1));
  return {
    alpha: 1 - observedDisagreement / expectedDisagreement,
    observedDisagreement,
    expectedDisagreement,
    pairableValues: n,
    units: pairableUnits,
  };
}

/** δ²(c, k) over value indices, per Krippendorff (2011). */
function differenceFunction(
  level: MeasurementLevel,
  values: readonly Label[],
  marginals: readonly number[],
): (c: number, k: number) => number {
  const at = (i: number): number => values[i] as number;
  if (level === 'interval') return (c, k) => (at(c) - at(k)) ** 2;
  if (level === 'ratio') {
    // Both zero: no difference (the Python package's convention), not 0/0.
    return (c, k) => (at(c) + at(k) === 0 ? 0 : ((at(c) - at(k)) / (at(c) + at(k))) ** 2);
  }
  if (level === 'ordinal') {
    // Ranks, not values, set the distance: the marginals of the values between c and k, with c and k
    // themselves counted half.
    const cumulative = [0];
    for (const nc of marginals) cumulative.push((cumulative.at(-1) ?? 0) + nc);
    return (c, k) => {
      const low = Math.min(c, k);
      const high = Math.max(c, k);
      const between = (cumulative[high + 1] ?? 0) - (cumulative[low] ?? 0);
      return (between - ((marginals[c] ?? 0) + (marginals[k] ?? 0)) / 2) ** 2;
    };
  }
  return (c, k) => (c === k ? 0 : 1);
}
