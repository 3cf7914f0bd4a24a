// Checks a campaign before anything is stored, naming every field at fault at once (`prompts[3]`,
// `models[1]`): a campaign that cannot be generated or judged is refused whole.
import { randomUUID } from 'node:crypto';
import { FieldChecks } from '../store/field-checks.js';
import { CAMPAIGN_LIMITS, type CampaignInput, type GoldItemInput } from './campaign-types.js';

export interface NormalizedCampaign {
  id: string;
  name: string;
  prompts: string[];
  models: string[];
  overlap: number;
  gold: GoldItemInput[];
  dailyCap?: number;
  rubricVersion?: string;
  system?: string;
}

export function normalizeCampaign(input: CampaignInput): NormalizedCampaign {
  const checks = new FieldChecks();
  const raw = (typeof input === 'object' && input !== null ? input : {}) as CampaignInput;
  const id = raw.id === undefined ? randomUUID() : checks.id(raw.id, 'id');
  const name = checks.text(raw.name, 'name', CAMPAIGN_LIMITS.nameChars, true).trim();
  const prompts = checks
    .array(raw.prompts, 'prompts', 1, CAMPAIGN_LIMITS.prompts)
    .map((prompt, i) => checks.text(prompt, `prompts[${i}]`, CAMPAIGN_LIMITS.promptChars, true));
  const models = checks
    .array(raw.models, 'models', 2, CAMPAIGN_LIMITS.models)
    .map((model, i) => checks.text(model, `models[${i}]`, CAMPAIGN_LIMITS.modelChars, true).trim());
  models.forEach((model, i) => {
    if (model !== '' && models.indexOf(model) !== i)
      checks.fail(`models[${i}]`, `repeats "${model}"; each model is compared once`);
  });
  const overlap =
    raw.overlap === undefined
      ? 2
      : checks.integer(raw.overlap, 'overlap', 1, CAMPAIGN_LIMITS.overlap);
  const gold = checks.array(raw.gold ?? [], 'gold', 0, CAMPAIGN_LIMITS.gold).map((item, i) => {
    const field = `gold[${i}]`;
    const value = (typeof item === 'object' && item !== null ? item : {}) as GoldItemInput;
    const checked = {
      prompt: checks.text(value.prompt, `${field}.prompt`, CAMPAIGN_LIMITS.promptChars, true),
      better: checks.text(value.better, `${field}.better`, CAMPAIGN_LIMITS.promptChars, true),
      worse: checks.text(value.worse, `${field}.worse`, CAMPAIGN_LIMITS.promptChars, true),
    };
    if (checked.better !== '' && checked.better === checked.worse)
      checks.fail(`${field}.worse`, 'must differ from better');
    return checked;
  });
  const dailyCap = checks.optional(raw.dailyCap, (value) =>
    checks.integer(value, 'dailyCap', 1, CAMPAIGN_LIMITS.dailyCap),
  );
  const rubricVersion = checks.optional(raw.rubricVersion, (value) =>
    checks.id(value, 'rubricVersion'),
  );
  const system = checks.optional(raw.system, (value) =>
    checks.text(value, 'system', CAMPAIGN_LIMITS.promptChars),
  );
  checks.throwIfInvalid('campaign');
  return { id, name, prompts, models, overlap, gold, dailyCap, rubricVersion, system };
}
