// The memory advisors with the real chat client over local-llm, in call and stream mode: what is
// stored, and what the next request sends to the model.
import { createChatClient } from '@repo/chat';
import type { ChatClient } from '@repo/chat';
import type { Tool } from '@repo/core';
import { createLocalLlm } from '@repo/local-llm';
import { createOpenAICompatibleChatModel } from '@repo/providers';
import { beforeEach, describe, expect, it } from 'vitest';
import { toolCall, user } from './__fixtures__/sample-messages.js';
import { CHAT_MEMORY_CONVERSATION_ID_KEY } from './chat-memory.js';
import type { ChatMemoryRepository } from './chat-memory-repository.js';
import { createInMemoryChatMemoryRepository } from './in-memory-chat-memory-repository.js';
import { createMessageChatMemoryAdvisor } from './message-memory-advisor.js';
import { createMessageWindowChatMemory } from './message-window-chat-memory.js';
import { createPromptChatMemoryAdvisor } from './prompt-memory-advisor.js';

const getWeather: Tool<{ city: string }, { city: string; temperature: number }> = {
  name: 'getWeather',
  description: 'Get the current weather for a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  execute: ({ city }) => ({ city, temperature: 21 }),
};

type Body = {
  messages: Array<{
    role: string;
    tool_calls?: Array<{ id: string }>;
    tool_call_id?: string;
    content: unknown;
  }>;
};

function setup(kind: 'message' | 'prompt') {
  const llm = createLocalLlm();
  const model = createOpenAICompatibleChatModel({
    provider: 'local',
    model: 'local',
    requireApiKey: false,
    baseURL: llm.baseURL,
    fetch: llm.fetch,
  });
  const repository = createInMemoryChatMemoryRepository();
  const memory = createMessageWindowChatMemory({ repository });
  const advisor =
    kind === 'message'
      ? createMessageChatMemoryAdvisor({ memory })
      : createPromptChatMemoryAdvisor({ memory });
  const chat = createChatClient(model, {
    system: 'You are helpful.',
    advisors: [advisor],
    tools: [getWeather],
  });
  const lastBody = () => (llm.requests().at(-1)?.body ?? { messages: [] }) as Body;
  return { llm, repository, chat, lastBody };
}

async function ask(
  chat: ChatClient,
  mode: 'call' | 'stream',
  text: string,
  conversationId?: string,
) {
  let spec = chat.prompt(text);
  if (conversationId)
    spec = spec.advisorContext({ [CHAT_MEMORY_CONVERSATION_ID_KEY]: conversationId });
  return mode === 'call' ? (await spec.call()).content : (await spec.stream().collect()).content;
}

describe.each(['call', 'stream'] as const)('message memory advisor (%s)', (mode) => {
  let chat: ChatClient;
  let repository: ChatMemoryRepository;
  let env: ReturnType<typeof setup>;
  beforeEach(() => {
    env = setup('message');
    ({ chat, repository } = env);
  });

  it('remembers a name within a conversation, not across', async () => {
    await ask(chat, mode, 'My name is Bob', 'bob');
    expect(await ask(chat, mode, 'What is my name?', 'bob')).toBe('Your name is Bob.');
    expect(await ask(chat, mode, 'What is my name?', 'someone-else')).toBe(
      "I don't know your name yet.",
    );
    const stored = await repository.load('bob');
    expect(stored.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    // The system message is sent fresh every time, never stored.
    expect(env.lastBody().messages.filter((m) => m.role === 'system')).toHaveLength(1);
  });

  it('remembers in Chinese, and uses the default conversation without an id', async () => {
    await ask(chat, mode, '我叫小明');
    expect(await ask(chat, mode, '我叫什么名字？')).toBe('你叫小明。');
    expect((await repository.load('default')).length).toBe(4);
  });

  it('stores a tool-calling turn whole and sends it back valid', async () => {
    await ask(chat, mode, 'What is the weather in Paris?', 'weather');
    const stored = await repository.load('weather');
    expect(stored.map((m) => m.role)).toEqual(['user', 'assistant', 'tool', 'assistant']);
    expect(stored[1]?.parts[0]).toMatchObject({ type: 'tool-call', name: 'getWeather' });
    expect(stored[2]?.parts[0]).toMatchObject({
      type: 'tool-result',
      name: 'getWeather',
      result: { temperature: 21 },
    });

    await ask(chat, mode, 'Thanks!', 'weather');
    const sent = env.lastBody().messages;
    expect(sent.map((m) => m.role)).toEqual([
      'system',
      'user',
      'assistant',
      'tool',
      'assistant',
      'user',
    ]);
    expect(sent[3]?.tool_call_id).toBe(sent[2]?.tool_calls?.[0]?.id);
  });

  it('repairs a dangling tool call before the next request', async () => {
    await repository.append('crashed', [user('Look up x'), toolCall('x')]);
    await ask(chat, mode, 'Are you there?', 'crashed');
    const sent = env.lastBody().messages;
    expect(sent.map((m) => m.role)).toEqual(['system', 'user', 'user']);
    expect((await repository.load('crashed', { repair: false })).length).toBe(4);
  });
});

describe.each(['call', 'stream'] as const)('prompt memory advisor (%s)', (mode) => {
  it('puts the history into the system text with Spring’s template', async () => {
    const { llm, chat, repository, lastBody } = setup('prompt');
    llm.script([{ content: 'Nice to meet you.' }]);
    await ask(chat, mode, 'My name is Bob', 'p');
    // local-llm answers from a context block (its rule 5) by quoting it.
    expect(await ask(chat, mode, 'What is my name?', 'p')).toBe(
      'Based on the context: USER:My name is Bob.',
    );
    const sent = lastBody().messages;
    expect(sent.map((m) => m.role)).toEqual(['system', 'user']);
    expect(sent[0]?.content).toBe(
      'You are helpful.\n\nUse the conversation memory from the MEMORY section to provide accurate answers.\n\n' +
        '---------------------\nMEMORY:\nUSER:My name is Bob\nASSISTANT:Nice to meet you.\n---------------------\n\n',
    );
    expect((await repository.load('p')).length).toBe(4);
  });
});
