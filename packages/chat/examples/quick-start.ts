// Quick start: a client with defaults and a tool, then call, stream and a typed answer. Runs
// offline on the embedded local-llm; swap the model for `createModelRegistry().chat('deepseek')`.
import type { Tool } from '@repo/core';
import { createLocalLlm } from '@repo/local-llm';
import { createOpenAICompatibleChatModel } from '@repo/providers';
import { z } from 'zod';
import { createChatClient, createTokenUsageAdvisor } from '../src/index.js';

const getCurrentWeather: Tool<{ city: string }, { city: string; temperature: number }> = {
  name: 'getCurrentWeather',
  description: 'Get the current weather for a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  execute: ({ city }) => ({ city, temperature: city === 'Paris' ? 21 : 15 }),
};

export async function main() {
  const llm = createLocalLlm();
  const model = createOpenAICompatibleChatModel({
    provider: 'local',
    model: 'local',
    baseURL: llm.baseURL,
    fetch: llm.fetch,
    requireApiKey: false,
  });
  const usage = createTokenUsageAdvisor();
  const chat = createChatClient(model, {
    system: 'You are a concise travel assistant.',
    tools: [getCurrentWeather],
    advisors: [usage],
  });

  // 1. call(): the tool loop runs inside; `content` is the final answer.
  const answer = await chat.prompt('What is the weather in Paris?').call();

  // 2. stream(): text as it arrives (tool turns run between the deltas).
  let streamed = '';
  for await (const text of chat.prompt('北京今天的天气怎么样？').stream().textStream())
    streamed += text;

  // 3. entity(): a typed value, validated by zod (native JSON schema mode on local-llm).
  const trip = await chat
    .prompt()
    .user('Plan a trip to {city} for {days} days', { city: 'Rome', days: 3 })
    .entity(z.object({ city: z.string(), days: z.number() }), { name: 'trip' });

  return {
    answer: answer.content,
    streamed,
    trip,
    requests: usage.totals()[0]?.requests,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await main());
