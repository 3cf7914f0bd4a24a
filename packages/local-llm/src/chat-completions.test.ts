import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { createSdkClient } from './__fixtures__/sdk-client.js';

const { llm, client } = createSdkClient();
const hello = [{ role: 'user' as const, content: 'Hello there' }];

async function collect(stream: AsyncIterable<OpenAI.Chat.Completions.ChatCompletionChunk>) {
  const chunks: OpenAI.Chat.Completions.ChatCompletionChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

describe('chat completions', () => {
  it('answers a plain chat with the fixed offline reply, echoing the model', async () => {
    const completion = await client.chat.completions.create({
      model: 'qwen-plus',
      messages: hello,
    });
    expect(completion.object).toBe('chat.completion');
    expect(completion.model).toBe('qwen-plus');
    expect(completion.id).toMatch(/^chatcmpl-/);
    expect(completion.choices[0]?.message.content).toBe(
      '[local-llm] This is the offline local model. You said: "Hello there"',
    );
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.usage?.prompt_tokens).toBeGreaterThan(0);
    expect(completion.usage?.total_tokens).toBe(
      (completion.usage?.prompt_tokens ?? 0) + (completion.usage?.completion_tokens ?? 0),
    );
  });

  it('answers mostly-Chinese input in Chinese', async () => {
    const completion = await client.chat.completions.create({
      model: 'local',
      messages: [{ role: 'user', content: '你好，世界' }],
    });
    expect(completion.choices[0]?.message.content).toBe(
      '[local-llm] 这是离线本地模型。你说的是：“你好，世界”',
    );
  });

  it('accepts content parts, developer messages and image parts', async () => {
    const completion = await client.chat.completions.create({
      model: 'local',
      messages: [
        { role: 'developer', content: 'Be brief.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Describe ' },
            { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } },
            { type: 'text', text: 'this' },
          ],
        },
      ],
    });
    expect(completion.choices[0]?.message.content).toContain('You said: "Describe this"');
  });

  it('gives every completion a unique id', async () => {
    const ids = await Promise.all(
      Array.from({ length: 20 }, () =>
        client.chat.completions.create({ model: 'local', messages: hello }),
      ),
    );
    expect(new Set(ids.map((c) => c.id)).size).toBe(20);
  });

  it('streams the same text and the same usage as the non-stream call', async () => {
    const plain = await client.chat.completions.create({ model: 'local', messages: hello });
    const chunks = await collect(
      await client.chat.completions.create({
        model: 'local',
        messages: hello,
        stream: true,
        stream_options: { include_usage: true },
      }),
    );
    expect(chunks[0]?.choices[0]?.delta).toEqual({ role: 'assistant', content: '' });
    const contentChunks = chunks.filter((c) => c.choices[0]?.delta.content);
    expect(contentChunks.length).toBeGreaterThan(3);
    expect(contentChunks.map((c) => c.choices[0]?.delta.content).join('')).toBe(
      plain.choices[0]?.message.content,
    );
    expect(new Set(chunks.map((c) => c.id)).size).toBe(1);
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');
    const last = chunks.at(-1);
    expect(last?.choices).toEqual([]);
    expect(last?.usage?.completion_tokens).toBeGreaterThan(0);
    expect(last?.usage).toEqual(plain.usage);
  });

  it('sends no usage chunk unless include_usage is set', async () => {
    const chunks = await collect(
      await client.chat.completions.create({ model: 'local', messages: hello, stream: true }),
    );
    expect(chunks.some((c) => c.usage)).toBe(false);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop');
  });

  it('reasoner models stream reasoning_content before any content', async () => {
    const stream = await client.chat.completions.create({
      model: 'local-reasoner',
      messages: [{ role: 'user', content: 'Why is the sky blue?' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = await collect(stream);
    const deltas = chunks.map((c) => c.choices[0]?.delta as Record<string, unknown> | undefined);
    const firstContent = deltas.findIndex(
      (d) => typeof d?.content === 'string' && d.content !== '',
    );
    const lastReasoning = deltas.map((d) => d?.reasoning_content !== undefined).lastIndexOf(true);
    expect(lastReasoning).toBeGreaterThan(0);
    expect(lastReasoning).toBeLessThan(firstContent);
    expect(deltas.map((d) => d?.reasoning_content ?? '').join('')).toBe(
      'Thinking about: "Why is the sky blue?"',
    );
    expect(chunks.at(-1)?.usage?.completion_tokens_details?.reasoning_tokens).toBeGreaterThan(0);
  });

  it('treats thinking ids and DeepSeek’s thinking switch as reasoners', async () => {
    const bySwitch = await client.chat.completions.create({
      model: 'deepseek-v4-flash',
      messages: hello,
      // @ts-expect-error DeepSeek's extension is not in the OpenAI types.
      thinking: { type: 'enabled' },
    });
    const byId = await client.chat.completions.create({ model: 'qwen3-thinking', messages: hello });
    const plain = await client.chat.completions.create({
      model: 'deepseek-v4-flash',
      messages: hello,
    });
    const reasoning = (c: OpenAI.Chat.Completions.ChatCompletion) =>
      (c.choices[0]?.message as unknown as { reasoning_content?: string }).reasoning_content;
    expect(reasoning(bySwitch)).toBe('Thinking about: "Hello there"');
    expect(reasoning(byId)).toBe('Thinking about: "Hello there"');
    expect(reasoning(plain)).toBeUndefined();
  });

  it('truncates to max_tokens with finish_reason length', async () => {
    const completion = await client.chat.completions.create({
      model: 'local',
      messages: hello,
      max_tokens: 3,
    });
    expect(completion.choices[0]?.finish_reason).toBe('length');
    expect(completion.usage?.completion_tokens).toBe(3);
    expect(completion.choices[0]?.message.content).toBe('[local-');
  });

  it('lists the models', async () => {
    const models = await client.models.list();
    expect(models.data.map((m) => m.id)).toEqual(['local', 'local-reasoner', 'local-embedding']);
    expect(models.data[0]).toMatchObject({ object: 'model', owned_by: 'local-llm' });
  });
});

describe('bad requests', () => {
  const post = (path: string, body: string, method = 'POST') =>
    llm.handler(new Request(`http://x${path}`, { method, body: method === 'GET' ? null : body }));

  it.each([
    ['not json', '{"model":', 'body'],
    ['missing model', '{"messages":[{"role":"user","content":"hi"}]}', 'model'],
    ['model not a string', '{"model":1,"messages":[{"role":"user","content":"hi"}]}', 'model'],
    ['missing messages', '{"model":"local"}', 'messages'],
    ['empty messages', '{"model":"local","messages":[]}', 'messages'],
    ['messages not an array', '{"model":"local","messages":"hi"}', 'messages'],
    [
      'content a number',
      '{"model":"local","messages":[{"role":"user","content":5}]}',
      'messages[0].content',
    ],
    [
      'unknown role',
      '{"model":"local","messages":[{"role":"robot","content":"hi"}]}',
      'messages[0].role',
    ],
    [
      'tools malformed',
      '{"model":"local","messages":[{"role":"user","content":"hi"}],"tools":[{"type":"function"}]}',
      'tools[0]',
    ],
  ])('400 for %s', async (_name, body, param) => {
    const response = await post('/v1/chat/completions', body);
    expect(response.status).toBe(400);
    const json = (await response.json()) as { error: Record<string, unknown> };
    expect(json.error).toMatchObject({ type: 'invalid_request_error', param, code: null });
    expect(typeof json.error.message).toBe('string');
  });

  it('the SDK raises BadRequestError', async () => {
    await expect(
      client.chat.completions.create({ model: 'local', messages: [] }),
    ).rejects.toBeInstanceOf(OpenAI.BadRequestError);
  });

  it('404 for an unknown route, 405 for a wrong method', async () => {
    const missing = await post('/v1/nope', '{}');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { type: string } }).error.type).toBe(
      'not_found_error',
    );
    const wrong = await post('/v1/chat/completions', '', 'GET');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
  });
});
