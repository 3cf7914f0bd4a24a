// How the CLI writes numbers: counts with thousands separators, decimals, bytes, FLOPs.
export const formatCount = (n: number): string => Math.round(n).toLocaleString('en');

/** Percentiles interpolate: one decimal when they are not whole. */
export const formatFigure = (n: number): string =>
  Number.isInteger(n) ? formatCount(n) : n.toLocaleString('en', { maximumFractionDigits: 1 });

export const formatFlops = (n: number): string => n.toExponential(2).replace('e+', 'e');

/** Binary units, as GPU memory is sold (80 GiB). */
export function formatGiB(bytes: number): string {
  return `${(bytes / 2 ** 30).toFixed(1)} GiB`;
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
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
