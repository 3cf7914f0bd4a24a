// What each preset puts on the wire: captured from the fetch the SDK calls, so the assertions see
// the exact JSON a provider would receive.
import { assistantMessage, toolMessage, userMessage, type Message } from '@repo/core';
import { describe, expect, it } from 'vitest';
import { completion, sent } from './__fixtures__/sent-request.js';
import { createProvider } from './create-provider.js';
import { createOpenAICompatibleChatModel } from './openai-compatible-chat-model.js';
import { createReplayFetch } from './testing/index.js';

async function sentStream(provider: string, model?: string) {
  const { fetch, requests } = createReplayFetch({
    chunks: [
      {
        id: 'c',
        object: 'chat.completion.chunk',
        created: 1,
        model: 'm',
        choices: [{ index: 0, delta: { content: 'x' }, finish_reason: 'stop' }],
      },
    ],
  });
  const chat = createProvider(provider, { apiKey: 'k', fetch, env: {} }).chat(
    model ?? 'some-model',
  );
  for await (const _event of chat.stream({ messages: [userMessage('hi')] })) void _event;
  return requests[0]?.body as Record<string, unknown>;
}

const toolTurn: Message[] = [
  userMessage('Weather in Paris?'),
  assistantMessage([
    { type: 'reasoning', text: 'I should call the tool.' },
    { type: 'tool-call', id: 'call_1', name: 'get_weather', arguments: { city: 'Paris' } },
  ]),
  toolMessage([
    { type: 'tool-result', toolCallId: 'call_1', name: 'get_weather', result: { tempC: 21 } },
  ]),
  assistantMessage([
    { type: 'reasoning', text: 'Plain answer thinking.' },
    { type: 'text', text: 'It is 21 °C.' },
  ]),
  userMessage('Thanks'),
];

describe('stream usage opt-in', () => {
  it.each(['openai', 'deepseek', 'qwen', 'doubao', 'moonshot', 'ollama'])(
    '%s asks for include_usage',
    async (name) => {
      expect(await sentStream(name)).toMatchObject({
        stream: true,
        stream_options: { include_usage: true },
      });
    },
  );

  it('zhipu streams usage unasked and gets no stream_options', async () => {
    const body = await sentStream('zhipu');
    expect(body.stream).toBe(true);
    expect(body).not.toHaveProperty('stream_options');
  });
});

describe('DeepSeek', () => {
  it('defaults to deepseek-v4-flash with thinking disabled at api.deepseek.com', async () => {
    const { body, url } = await sent('deepseek', {
      messages: [userMessage('hi')],
      options: { temperature: 0.3 },
    });
    expect(url).toBe('https://api.deepseek.com/chat/completions');
    expect(body).toMatchObject({
      model: 'deepseek-v4-flash',
      thinking: { type: 'disabled' },
      temperature: 0.3,
    });
  });

  it('maps the retired seed names onto deepseek-v4-flash and its thinking switch', async () => {
    const chat = await sent(
      'deepseek',
      { messages: [userMessage('hi')], options: { temperature: 0.3 } },
      'deepseek-chat',
    );
    expect(chat.body).toMatchObject({
      model: 'deepseek-v4-flash',
      thinking: { type: 'disabled' },
      temperature: 0.3,
    });
    const reasoner = await sent(
      'deepseek',
      {
        messages: [userMessage('hi')],
        options: { temperature: 0.3, topP: 0.9, presencePenalty: 1, frequencyPenalty: 1 },
      },
      'deepseek-reasoner',
    );
    expect(reasoner.body).toMatchObject({
      model: 'deepseek-v4-flash',
      thinking: { type: 'enabled' },
    });
    for (const dropped of ['temperature', 'top_p', 'presence_penalty', 'frequency_penalty'])
      expect(reasoner.body).not.toHaveProperty(dropped);
  });

  it('sends a model named like an Object.prototype key as it is, not as an alias', async () => {
    for (const model of ['__proto__', 'constructor', 'toString']) {
      const { body } = await sent('deepseek', { messages: [userMessage('hi')] }, model);
      expect(body).toMatchObject({ model });
    }
  });

  it('turns thinking on from ChatOptions.reasoning, and honours DEEPSEEK_BASE_URL / DEEPSEEK_MODEL', async () => {
    const { body, url } = await sent(
      'deepseek',
      { messages: [userMessage('hi')], options: { reasoning: true } },
      undefined,
      {
        DEEPSEEK_BASE_URL: 'https://proxy.example/v1',
        DEEPSEEK_MODEL: 'deepseek-v4-pro',
      },
    );
    expect(url).toBe('https://proxy.example/v1/chat/completions');
    expect(body).toMatchObject({ model: 'deepseek-v4-pro', thinking: { type: 'enabled' } });
  });

  it('sends reasoning_content on every assistant message of a turn that called a tool', async () => {
    const { body } = await sent('deepseek', { messages: toolTurn, options: { reasoning: true } });
    expect(body.messages).toEqual([
      { role: 'user', content: 'Weather in Paris?' },
      {
        role: 'assistant',
        content: null,
        reasoning_content: 'I should call the tool.',
        tool_calls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: '{"tempC":21}' },
      // The answer after the tool result belongs to the same turn: it keeps its reasoning too.
      { role: 'assistant', content: 'It is 21 °C.', reasoning_content: 'Plain answer thinking.' },
      { role: 'user', content: 'Thanks' },
    ]);
  });

  it('leaves reasoning_content out of turns without a tool call, sends it empty where missing', async () => {
    const { body } = await sent('deepseek', {
      messages: [
        ...toolTurn,
        assistantMessage([
          { type: 'reasoning', text: 'Just being polite.' },
          { type: 'text', text: 'You are welcome.' },
        ]),
        userMessage('Tomorrow?'),
        // A step stored without reasoning (thinking was off then): the field must still be there.
        assistantMessage([
          { type: 'tool-call', id: 'call_2', name: 'get_weather', arguments: { day: 1 } },
        ]),
        toolMessage([
          { type: 'tool-result', toolCallId: 'call_2', name: 'get_weather', result: 'rain' },
        ]),
      ],
      options: { reasoning: true },
    });
    const assistants = (body.messages as Array<Record<string, unknown>>).filter(
      (message) => message.role === 'assistant',
    );
    expect(assistants.map((message) => message.reasoning_content)).toEqual([
      'I should call the tool.',
      'Plain answer thinking.',
      undefined,
      '',
    ]);
    expect(assistants[2]).toEqual({ role: 'assistant', content: 'You are welcome.' });
  });
});

describe('OpenAI', () => {
  it('never sends reasoning_content and adapts to reasoning models', async () => {
    const { body, url } = await sent('openai', {
      messages: toolTurn,
      options: { temperature: 0.2, topP: 0.5, maxTokens: 100, seed: 7 },
    });
    expect(url).toBe('https://api.openai.com/v1/chat/completions');
    expect(body.model).toBe('gpt-5.4-mini');
    expect(JSON.stringify(body.messages)).not.toContain('reasoning_content');
    expect(body).toMatchObject({ max_completion_tokens: 100, seed: 7 });
    expect(body).not.toHaveProperty('temperature');
    expect(body).not.toHaveProperty('top_p');
    expect(body).not.toHaveProperty('max_tokens');
  });

  it('keeps sampling parameters for non-reasoning models', async () => {
    const { body } = await sent(
      'openai',
      { messages: [userMessage('hi')], options: { temperature: 0.2 } },
      'gpt-4.1',
    );
    expect(body).toMatchObject({ model: 'gpt-4.1', temperature: 0.2 });
  });
});

describe('Qwen, Zhipu, Moonshot', () => {
  it('qwen: enable_thinking only when asked, json-schema downgraded to json_object', async () => {
    const plain = await sent('qwen', { messages: [userMessage('hi')] });
    expect(plain.url).toBe('https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions');
    expect(plain.body).toMatchObject({ model: 'qwen-plus' });
    expect(plain.body).not.toHaveProperty('enable_thinking');
    const thinking = await sent('qwen', {
      messages: [userMessage('hi')],
      options: {
        reasoning: false,
        responseFormat: { type: 'json-schema', name: 'x', schema: { type: 'object' } },
      },
    });
    expect(thinking.body).toMatchObject({
      enable_thinking: false,
      response_format: { type: 'json_object' },
    });
  });

  it('qwen: call() with thinking on runs over the stream (DashScope thinking is stream-only)', async () => {
    const { fetch, requests } = createReplayFetch({
      chunks: [
        {
          id: 'q',
          object: 'chat.completion.chunk',
          created: 1,
          model: 'qwen-plus',
          choices: [{ index: 0, delta: { reasoning_content: 'hmm' }, finish_reason: null }],
        },
        {
          id: 'q',
          object: 'chat.completion.chunk',
          created: 1,
          model: 'qwen-plus',
          choices: [{ index: 0, delta: { content: 'Hi' }, finish_reason: 'stop' }],
        },
      ],
    });
    const response = await createProvider('qwen', { apiKey: 'k', fetch })
      .chat()
      .call({ messages: [userMessage('hi')], options: { reasoning: true } });
    expect(requests[0]?.body).toMatchObject({
      enable_thinking: true,
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(response.message.parts).toEqual([
      { type: 'reasoning', text: 'hmm' },
      { type: 'text', text: 'Hi' },
    ]);
  });

  it('zhipu: thinking.type switch, penalties dropped', async () => {
    const { body, url } = await sent('zhipu', {
      messages: [userMessage('hi')],
      options: { reasoning: true, presencePenalty: 0.5, frequencyPenalty: 0.5, temperature: 0.7 },
    });
    expect(url).toBe('https://open.bigmodel.cn/api/paas/v4/chat/completions');
    expect(body).toMatchObject({ model: 'glm-5', thinking: { type: 'enabled' }, temperature: 0.7 });
    expect(body).not.toHaveProperty('presence_penalty');
    expect(body).not.toHaveProperty('frequency_penalty');
  });

  it('moonshot: kimi-k2.6 at api.moonshot.cn, reasoning kept on tool-call turns', async () => {
    const { body, url } = await sent('moonshot', { messages: toolTurn });
    expect(url).toBe('https://api.moonshot.cn/v1/chat/completions');
    expect(body.model).toBe('kimi-k2.6');
    const messages = body.messages as Array<Record<string, unknown>>;
    expect(messages[1]?.reasoning_content).toBe('I should call the tool.');
    expect(messages[3]?.reasoning_content).toBe('Plain answer thinking.');
  });
});

describe('reasoning replay: always', () => {
  it('sends reasoning wherever an assistant message has some, and nowhere else', async () => {
    const { fetch, requests } = createReplayFetch({ json: completion });
    const model = createOpenAICompatibleChatModel({
      provider: 'custom',
      model: 'm',
      apiKey: 'k',
      fetch,
      quirks: { reasoningReplay: 'always' },
    });
    await model.call({
      messages: [...toolTurn, assistantMessage([{ type: 'text', text: 'No thinking here.' }])],
    });
    const body = requests[0]?.body as { messages: Array<Record<string, unknown>> };
    const assistants = body.messages.filter((message) => message.role === 'assistant');
    expect(assistants.map((message) => message.reasoning_content)).toEqual([
      'I should call the tool.',
      'Plain answer thinking.',
      undefined,
    ]);
  });
});
