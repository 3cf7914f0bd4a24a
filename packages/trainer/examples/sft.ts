// Workshop experiment 3: fine-tune the shipped base model on data/sft.jsonl and compare its answers
// to held-out English and Chinese prompts before and after; writes sft.svg, samples.html,
// samples.json and summary.md to .runs/sft. Run: `npx tsx examples/sft.ts` after a build.
import { fileURLToPath } from 'node:url';
import { printProgress, sftExperiment, type SftExperimentOptions } from '../src/index.js';

export const OUT_DIR = fileURLToPath(new URL('../.runs/sft/', import.meta.url));

export function main(options: Partial<SftExperimentOptions> = {}) {
  return sftExperiment({ outDir: OUT_DIR, onProgress: printProgress(), ...options });
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(`\n${(await main()).summary}`);
