// The README's first example: validate a training file, then price the job from a price table
// kept in configuration (here the package's example table; check current pricing).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { estimateCost, validateDataset, type PriceTable } from '../src/index.js';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

export async function main(file = here('../src/dataset/__fixtures__/clean-zh.jsonl')) {
  const model = 'gpt-4o-mini-2024-07-18';
  const report = await validateDataset(file, { model });
  const prices = JSON.parse(
    readFileSync(here('../src/dataset/example-prices.json'), 'utf8'),
  ) as PriceTable;
  const cost = estimateCost(report.stats, { model, prices });
  return {
    ok: report.ok,
    examples: report.stats.examples,
    epochs: cost.epochs,
    billingTokensPerEpoch: cost.billingTokensPerEpoch,
    chargedTokens: cost.chargedTokens,
    cost: cost.cost,
  };
}
