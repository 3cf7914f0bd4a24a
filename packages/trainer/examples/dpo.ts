// Workshop experiment 4: DPO on data/preferences.jsonl at a low and a too-high learning rate, from
// an SFT model (fine-tuned from the shipped base model first); writes dpo.svg, dpo-accuracy.svg,
// samples.html and summary.md to .runs/dpo. Run: `npx tsx examples/dpo.ts` after a build.
import { fileURLToPath } from 'node:url';
import { dpoExperiment, printProgress, type DpoExperimentOptions } from '../src/index.js';

export const OUT_DIR = fileURLToPath(new URL('../.runs/dpo/', import.meta.url));

export function main(options: Partial<DpoExperimentOptions> = {}) {
  return dpoExperiment({ outDir: OUT_DIR, onProgress: printProgress(), ...options });
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(`\n${(await main()).summary}`);
