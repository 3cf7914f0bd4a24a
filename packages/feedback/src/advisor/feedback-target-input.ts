// A held answer as the store's TargetInput: the prompt the model answered, its answer, who
// answered, and the sampling parameters that shaped it (what a training row needs to be
// reproduced). Only parameters that change the sampling are kept: timeouts, the end-user id and
// provider-specific extras say nothing about the answer (and the user id is personal data).
import type { ChatOptions } from '@repo/core';
import type { TargetInput } from '../store/feedback-types.js';
import type { PendingTarget } from './pending-targets.js';

const SAMPLING_PARAMETERS = [
  'temperature',
  'topP',
  'maxTokens',
  'stop',
  'seed',
  'presencePenalty',
  'frequencyPenalty',
  'reasoning',
] as const satisfies ReadonlyArray<keyof ChatOptions>;

export function samplingParameters(options: ChatOptions | undefined): Record<string, unknown> {
  const parameters: Record<string, unknown> = {};
  if (!options) return parameters;
  for (const name of SAMPLING_PARAMETERS)
    if (options[name] !== undefined) parameters[name] = options[name];
  if (options.responseFormat) parameters.responseFormat = options.responseFormat.type;
  return parameters;
}

export function toTargetInput(responseId: string, pending: PendingTarget): TargetInput {
  const { response } = pending;
  const input: TargetInput = {
    responseId,
    prompt: [...pending.prompt],
    answer: response.text,
    // A model id is required; a layer that lost it should not make the answer unjudgeable.
    model: response.model || 'unknown',
    parameters: samplingParameters(pending.options),
    createdAt: pending.createdAt,
  };
  if (response.provider) input.provider = response.provider;
  return input;
}
