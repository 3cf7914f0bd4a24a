// The estimate shown beside a report: the epochs OpenAI would pick for this many examples and the
// tokens they bill. Local training is free; hosted prices change too often to keep in code, so
// their price stays null with a note saying where to look.
import { defaultEpochs, type DatasetReport } from '@repo/fine-tuning';
import type { EstimateJson } from './dataset-json.js';

export const LOCAL_BASE_MODEL = 'tiny-gpt';

export function estimateFor(report: DatasetReport, model: string): EstimateJson | null {
  const { examples, billingTokens } = report.stats;
  if (examples === 0) return null;
  const epochs = defaultEpochs(examples);
  const billedTokens = epochs * billingTokens;
  if (model === LOCAL_BASE_MODEL)
    return { model, epochs, billedTokens, priceUsd: 0, note: 'trained locally: no charge' };
  return {
    model,
    epochs,
    billedTokens,
    priceUsd: null,
    note: "price per training token: see the provider's current pricing page",
  };
}
