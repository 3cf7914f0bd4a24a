// Quick start (README): the openai SDK talking to local-llm in-process, no port, no key.
import OpenAI from 'openai';
import { createLocalLlm } from '../src/index.js';

export async function quickStart(): Promise<string | null> {
  const llm = createLocalLlm();
  const client = new OpenAI({ apiKey: 'unused', baseURL: llm.baseURL, fetch: llm.fetch });
  const completion = await client.chat.completions.create({
    model: 'local',
    messages: [{ role: 'user', content: 'Hello!' }],
  });
  return completion.choices[0]?.message.content ?? null;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await quickStart());
