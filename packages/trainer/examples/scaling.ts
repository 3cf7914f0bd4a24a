// Workshop experiment 2: four model widths on the same token budget, validation loss against
// non-embedding parameters on log-log axes and the fitted exponent α beside Kaplan's 0.076; writes
// scaling.svg and summary.md to .runs/scaling. Run: `npx tsx examples/scaling.ts` after a build.
import { fileURLToPath } from 'node:url';
import { printProgress, scalingExperiment, type ScalingExperimentOptions } from '../src/index.js';

export const OUT_DIR = fileURLToPath(new URL('../.runs/scaling/', import.meta.url));

export function main(options: Partial<ScalingExperimentOptions> = {}) {
  return scalingExperiment({ outDir: OUT_DIR, onProgress: printProgress(), ...options });
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(`\n${(await main()).summary}`);
