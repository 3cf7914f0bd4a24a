// Unit-testing your own code against a scripted model: no network, no key, exact replies.
import { collectStream, userMessage } from '@repo/core';
import type { ChatModel } from '@repo/core';
import { MockChatModel } from '@repo/core/testing';

// The code under test: any function that takes a ChatModel.
export async function summarise(model: ChatModel, text: string): Promise<string> {
  const response = await model.call({ messages: [userMessage(`Summarise: ${text}`)] });
  return response.text.trim();
}

export async function main(): Promise<string[]> {
  const model = new MockChatModel({ replies: ['A short summary.', { text: '流式回答' }] });
  const summary = await summarise(model, 'a long text');
  const streamed = await collectStream(model.stream({ messages: [userMessage('你好')] }));
  // The mock records what it was sent, so a test can check the prompt too.
  const sent = model.requests[0]?.messages[0];
  return [summary, streamed.text, JSON.stringify(sent)];
}
