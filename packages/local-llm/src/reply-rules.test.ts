import type OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { schemaErrors } from './__fixtures__/validate-schema.js';
import { createSdkClient } from './__fixtures__/sdk-client.js';

type Message = OpenAI.Chat.Completions.ChatCompletionMessageParam;

const { client } = createSdkClient();

async function answer(messages: Message[], extra: Record<string, unknown> = {}): Promise<string> {
  const completion = await client.chat.completions.create({ model: 'local', messages, ...extra });
  return completion.choices[0]?.message.content ?? '';
}
const user = (content: string): Message => ({ role: 'user', content });
const assistant = (content: string): Message => ({ role: 'assistant', content });

describe('response_format', () => {
  const schema = {
    type: 'object',
    properties: {
      name: { type: 'string' },
      age: { type: 'integer', minimum: 0, maximum: 150 },
      city: { type: 'string' },
      mood: { type: 'string', enum: ['happy', 'sad', 'neutral'] },
      hobbies: { type: 'array', items: { type: 'string' }, minItems: 1 },
      address: { type: 'object', properties: { zip: { type: 'string' } }, required: ['zip'] },
    },
    required: ['name', 'age', 'city', 'mood', 'hobbies', 'address'],
    additionalProperties: false,
  };

  it('json_schema output parses, validates and uses the user’s words', async () => {
    const text = await answer([user('Alice is 31, lives in Berlin and is happy.')], {
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'person', schema, strict: true },
      },
    });
    const value = JSON.parse(text) as Record<string, unknown>;
    expect(schemaErrors(value, schema)).toEqual([]);
    expect(value).toMatchObject({ name: 'Alice', age: 31, city: 'Berlin', mood: 'happy' });
  });

  it('json_schema fills name-like fields with the proper noun, not the imperative (EN and CJK)', async () => {
    const format = {
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'ActorFilms',
          schema: {
            type: 'object',
            properties: {
              actor: { type: 'string' },
              movies: { type: 'array', items: { type: 'string' } },
            },
            required: ['actor', 'movies'],
            additionalProperties: false,
          },
        },
      },
    };
    const english = JSON.parse(
      await answer([user('Generate the filmography of 5 movies for Tom Hanks.')], format),
    ) as { actor: string; movies: string[] };
    expect(english.actor).toBe('Tom Hanks');
    expect(english.movies.length).toBeGreaterThan(0);
    const chinese = JSON.parse(await answer([user('生成汤姆·汉克斯的5部电影作品')], format)) as {
      actor: string;
    };
    expect(chinese.actor).toBe('汤姆·汉克斯');
  });

  it('after tool results, a json_schema answer takes matching fields from them', async () => {
    const text = await answer(
      [
        user('What is the weather in Paris?'),
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: 'call_1',
              type: 'function',
              function: { name: 'getCurrentWeather', arguments: '{"city":"Paris"}' },
            },
          ],
        } as unknown as Message,
        {
          role: 'tool',
          tool_call_id: 'call_1',
          content: '{"city":"Paris","temperature":21,"unit":"C","extra":{"a":1}}',
        } as unknown as Message,
      ],
      {
        response_format: {
          type: 'json_schema',
          json_schema: {
            name: 'Weather',
            schema: {
              type: 'object',
              properties: {
                city: { type: 'string' },
                temperature: { type: 'number' },
                unit: { type: 'string', enum: ['F', 'K'] },
                extra: { type: 'object', properties: { b: { type: 'string' } }, required: ['b'] },
              },
              required: ['city', 'temperature', 'unit', 'extra'],
            },
          },
        },
      },
    );
    // Scalars that fit are taken; "C" is not in the enum and objects are always built.
    expect(JSON.parse(text)).toEqual({
      city: 'Paris',
      temperature: 21,
      unit: 'F',
      extra: { b: 'What is the weather in Paris' },
    });
  });

  it('json_object wraps the default reply', async () => {
    const text = await answer([user('Hi')], { response_format: { type: 'json_object' } });
    expect(JSON.parse(text)).toEqual({
      answer: '[local-llm] This is the offline local model. You said: "Hi"',
    });
  });
});

describe('extractive answers from context', () => {
  const context =
    'The Eiffel Tower is 330 metres tall. It was completed in 1889.\nParis is the capital of France.';

  it('quotes the best sentence from a Context: block in the system message', async () => {
    const text = await answer([
      { role: 'system', content: `Context:\n${context}` },
      user('How tall is the Eiffel Tower?'),
    ]);
    expect(text).toBe('Based on the context: The Eiffel Tower is 330 metres tall.');
  });

  it("reads Spring AI's QuestionAnswerAdvisor template", async () => {
    const prompt = [
      'What is the capital of France?',
      '',
      'Context information is below, surrounded by ---------------------',
      '',
      '---------------------',
      context,
      '---------------------',
      '',
      'Given the context and provided history information and not prior knowledge,',
      'reply to the user comment. If the answer is not in the context, inform',
      "the user that you can't answer the question.",
    ].join('\n');
    expect(await answer([user(prompt)])).toBe(
      'Based on the context: Paris is the capital of France.',
    );
  });

  it('reads <context> blocks and says when the answer is not there', async () => {
    const text = await answer([user(`<context>${context}</context>\nWho painted the Mona Lisa?`)]);
    expect(text).toBe("I can't find the answer in the provided context.");
  });

  it('answers Chinese questions from Chinese context', async () => {
    const prompt =
      '参考资料：长城全长约21196公里。故宫位于北京，是明清两代的皇宫！\n问题：故宫在哪里？';
    expect(await answer([user(prompt)])).toBe('根据上下文：故宫位于北京，是明清两代的皇宫！');
    expect(await answer([user('上下文：长城全长约21196公里。\n问题：熊猫吃什么？')])).toBe(
      '在提供的上下文中找不到答案。',
    );
  });
});

describe('extractive answers keep documents apart', () => {
  const ask = (context: string, question: string) =>
    answer([{ role: 'system', content: `Context:\n${context}` }, user(question)]);

  it("never quotes a heading, so one file's heading is not glued to another's text", async () => {
    const context = [
      '## Installing Spring AI',
      '',
      'Add the Spring AI BOM to your build before installing any starter.',
    ].join('\n');
    expect(await ask(context, 'How do I start installing Spring AI?')).toBe(
      'Based on the context: Add the Spring AI BOM to your build before installing any starter.',
    );
  });

  it('quotes fragments of numbered documents as separate sentences with their markers', async () => {
    const context = [
      '[1] Redis keeps chat memory for a day by default',
      '[2] The chat memory window keeps the last 20 messages.',
      '[3] Paris is the capital of France.',
    ].join('\n');
    expect(await ask(context, 'How long does Redis keep chat memory messages?')).toBe(
      'Based on the context: Redis keeps chat memory for a day by default. [1] The chat memory window keeps the last 20 messages. [2]',
    );
  });

  it('marks two fragments of one document once', async () => {
    const context =
      '[1] Aurora was founded in 2019. Aurora makes home robots.\n[2] Paris is in France.';
    expect(await ask(context, 'When was Aurora founded and what does Aurora make?')).toBe(
      'Based on the context: Aurora was founded in 2019. Aurora makes home robots. [1]',
    );
  });

  it('quotes a sentence found in two documents once', async () => {
    const context =
      'PGlite runs PostgreSQL in WASM.\n\nPGlite runs PostgreSQL in WASM.\n\nRedis is a cache.';
    expect(await ask(context, 'What does PGlite run?')).toBe(
      'Based on the context: PGlite runs PostgreSQL in WASM.',
    );
  });

  it('does the same for Chinese documents', async () => {
    const context = [
      '[1] ## 模块说明',
      '[1] 聊天记忆模块默认保存最近二十条消息',
      '[2] 向量存储使用 pgvector。',
    ].join('\n');
    expect(await ask(context, '聊天记忆模块保存多少条消息？')).toBe(
      '根据上下文：聊天记忆模块默认保存最近二十条消息。[1]',
    );
  });
});

describe('memory within one request', () => {
  it('remembers "my name is Bob"', async () => {
    expect(
      await answer([user('Hi, my name is Bob.'), assistant('Hello!'), user('What is my name?')]),
    ).toBe('Your name is Bob.');
  });

  it('generalises to "my <thing> is <value>"', async () => {
    const messages = [
      user('My favorite color is green'),
      assistant('Nice.'),
      user("What's my favorite color?"),
    ];
    expect(await answer(messages)).toBe('Your favorite color is green.');
  });

  it('remembers Chinese names and facts', async () => {
    expect(
      await answer([user('你好，我叫小明'), assistant('你好！'), user('我叫什么名字？')]),
    ).toBe('你叫小明。');
    expect(
      await answer([user('我的名字是小红。'), assistant('好的'), user('我的名字是什么？')]),
    ).toBe('你叫小红。');
    expect(
      await answer([user('我的生日是五月一日'), assistant('记住了'), user('我的生日是什么？')]),
    ).toBe('你的生日是五月一日。');
  });

  it('a fresh conversation does not know', async () => {
    expect(await answer([user('What is my name?')])).toBe("I don't know your name yet.");
    expect(await answer([user('我叫什么名字？')])).toBe('我还不知道你的名字。');
  });
});
