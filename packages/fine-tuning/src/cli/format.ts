// How ai-ft writes its figures beyond `@repo/core/cli`'s counts and bytes: decimals, GiB, hours
// and label–value tables.
import { formatCount } from '@repo/core/cli';

/** Percentiles interpolate: one decimal when they are not whole. */
export const formatFigure = (n: number): string =>
  Number.isInteger(n) ? formatCount(n) : n.toLocaleString('en', { maximumFractionDigits: 1 });

/** Binary units, as GPU memory is sold (80 GiB). */
export function formatGiB(bytes: number): string {
  return `${(bytes / 2 ** 30).toFixed(1)} GiB`;
}

/** Label–value rows, values right-aligned in one column, then an optional note. */
export function table(
  rows: readonly (readonly [string, string, string?])[],
  labelWidth = 28,
): string[] {
  const width = Math.max(...rows.map(([, value]) => value.length));
  return rows.map(
    ([label, value, note]) =>
      `  ${label.padEnd(labelWidth)}${value.padStart(width)}${note ? `  ${note}` : ''}`,
  );
}

/** Seconds, minutes or hours, whichever reads best. */
export function formatHours(hours: number): string {
  if (hours < 1 / 60) return `${(hours * 3600).toFixed(1)} s`;
  if (hours < 1) return `${(hours * 60).toFixed(1)} min`;
  return `${hours.toLocaleString('en', { maximumFractionDigits: 1 })} h`;
}
