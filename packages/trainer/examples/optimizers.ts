// Workshop experiment 1: one run per optimizer (SGD, momentum, Adam, AdamW, Lion, LOMO) on the same
// model, data and seed; writes optimizers.svg and summary.md to .runs/optimizers (about 3 minutes
// on two cores). Run: `npx tsx examples/optimizers.ts` after `npm run build -w @repo/trainer`.
import { fileURLToPath } from 'node:url';
import {
  optimizerExperiment,
  printProgress,
  type OptimizerExperimentOptions,
} from '../src/index.js';

export const OUT_DIR = fileURLToPath(new URL('../.runs/optimizers/', import.meta.url));

export function main(options: Partial<OptimizerExperimentOptions> = {}) {
  return optimizerExperiment({ outDir: OUT_DIR, onProgress: printProgress(), ...options });
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(`\n${(await main()).summary}`);
