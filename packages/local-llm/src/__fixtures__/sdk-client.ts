// The embedded model in-process plus the real openai SDK pointed at it: what most tests drive.
import OpenAI from 'openai';
import { createLocalLlm } from '../index.js';
import type { LocalLlmOptions } from '../index.js';

export function createSdkClient(options?: LocalLlmOptions) {
  const llm = createLocalLlm(options);
  const client = new OpenAI({
    apiKey: 'test',
    baseURL: llm.baseURL,
    fetch: llm.fetch,
    maxRetries: 0,
  });
  return { llm, client };
}
