// A finished job's model, usable at once: the `provider:model` name @repo/providers' model
// registry understands for it, and its registration under the alias kept in the job's record.
// Azure and Together have no provider preset, so their models are called through their own SDKs.
import type { ModelRegistry } from '@repo/providers';
import type { JobRecord } from './job-records.js';

/** Which registry provider serves the models each job backend trains. */
export const PROVIDER_OF_BACKEND: Readonly<Record<string, string>> = {
  'local-llm': 'local',
  openai: 'openai',
  dashscope: 'qwen',
};

/** `local:ft:tiny-gpt:local:faq:ftjob-1` for a local-llm job; undefined before it has a model. */
export function chatModelRef(job: {
  backend: string;
  fineTunedModel?: string;
}): string | undefined {
  const provider = PROVIDER_OF_BACKEND[job.backend];
  if (provider === undefined || !job.fineTunedModel) return undefined;
  return `${provider}:${job.fineTunedModel}`;
}

/**
 * Registers a succeeded job's model under its record's alias; returns the alias, or undefined when
 * there is nothing to register (no alias, not finished, or a backend without a provider).
 */
export function registerFineTunedModel(
  registry: Pick<ModelRegistry, 'alias'>,
  record: JobRecord,
): string | undefined {
  const target = chatModelRef(record);
  if (record.alias === undefined || record.status !== 'succeeded' || target === undefined)
    return undefined;
  registry.alias(record.alias, target);
  return record.alias;
}
