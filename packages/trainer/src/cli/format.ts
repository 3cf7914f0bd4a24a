// How ai-train writes a stage's figures (counts, durations, bytes and FLOPs: `@repo/core/cli`).

/** `loss 2.3456  validationLoss 2.5012`: a stage's figures, four decimals. */
export const formatMetrics = (metrics: Record<string, number>): string =>
  Object.entries(metrics)
    .map(([name, value]) => `${name} ${value.toFixed(4)}`)
    .join('  ');
