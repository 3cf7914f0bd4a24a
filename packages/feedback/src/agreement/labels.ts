// Input checks shared by the agreement statistics: what a label is, how categories are put in order,
// and the one error they all throw for bad input (core's InvalidInputError, naming the field).
import { invalidInput } from '../feedback-errors.js';

/** A rating: a category name in any language ('好', 'A', 'tie') or a point on a numeric scale. */
export type Label = string | number;

/**
 * A runtime check for callers without types (JSON bodies). Not a type guard on purpose:
 * `Array.isArray` narrows a typed readonly array to any[] and would switch off type checking.
 */
export function isList(value: unknown): boolean {
  return Array.isArray(value);
}

export function requireNonEmpty(list: readonly unknown[], field: string): void {
  if (!isList(list) || list.length === 0) throw invalidInput(field, 'must not be empty');
}

/** NaN is refused because it never equals itself: two raters giving it could never agree. */
export function requireLabel(value: unknown, field: string): asserts value is Label {
  const ok = typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
  if (!ok) throw invalidInput(field, 'must be a string or a finite number');
}

export interface CategoryOrderOptions {
  /** The caller's categories, in scale order; they may include values nobody chose. */
  categories?: readonly Label[] | undefined;
  /** Whether the statistic depends on the order (weighted kappa, ordinal alpha). */
  ordered: boolean;
  /** Field named in errors about `categories`. */
  field: string;
  /** What needs the order, for the error message. */
  purpose: string;
}

/**
 * The categories to tabulate. Given ones win, because unused categories still widen a scale (a 1–5
 * rating where nobody chose 3 is not a 1–4 rating). Otherwise: first-seen order when order does not
 * matter, numbers ascending when it does; strings have no natural order, so they need `categories`.
 */
export function orderCategories(observed: Iterable<Label>, options: CategoryOrderOptions): Label[] {
  const { categories, ordered, field, purpose } = options;
  if (categories !== undefined) {
    requireNonEmpty(categories, field);
    const known = new Set<Label>();
    categories.forEach((category, index) => {
      requireLabel(category, `${field}[${index}]`);
      if (known.has(category)) throw invalidInput(`${field}[${index}]`, 'repeats a category');
      known.add(category);
    });
    for (const label of observed) {
      if (!known.has(label)) {
        throw invalidInput(field, `does not list ${JSON.stringify(label)}, which the data uses`);
      }
    }
    return [...categories];
  }
  const unique = [...new Set(observed)];
  if (!ordered) return unique;
  if (unique.some((label) => typeof label === 'string')) {
    throw invalidInput(field, `must list the string labels in scale order for ${purpose}`);
  }
  return (unique as number[]).sort((a, b) => a - b);
}

/** Label → position in `categories`. */
export function indexCategories(categories: readonly Label[]): Map<Label, number> {
  return new Map(categories.map((category, index) => [category, index]));
}
