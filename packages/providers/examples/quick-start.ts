// Quick start: one registry from the environment, a default chat model, a named one, streaming
// with usage and embeddings. With no keys set everything runs on the embedded local-llm.
import { userMessage } from '@repo/core';
import { createFallbackChatModel, createModelRegistry } from '../src/index.js';

export async function quickStart(env: Record<string, string | undefined> = process.env) {
  const models = createModelRegistry(env); // DEEPSEEK_API_KEY=… switches the default to DeepSeek
  const chat = models.chat(); // or models.chat('qwen'), models.chat('deepseek:deepseek-v4-pro')

  const answer = await chat.call({ messages: [userMessage('Hello!')] });

  let streamed = '';
  let usage;
  for await (const event of chat.stream({ messages: [userMessage('Count to three')] })) {
    if (event.type === 'text-delta') streamed += event.text;
    if (event.type === 'finish') usage = event.response.usage; // streamed usage is never zero
  }

  // Ordered fallback: the next model answers when the first fails before its first token.
  const resilient = createFallbackChatModel([chat, models.chat('local')]);
  const backup = await resilient.call({ messages: [userMessage('Still there?')] });

  const { embeddings } = await models.embedding().embed({ input: ['a cat', 'a dog'] });
  return {
    provider: chat.provider,
    answer: answer.text,
    streamed,
    usage,
    backup: backup.text,
    dimensions: embeddings[0]?.length,
  };
}
