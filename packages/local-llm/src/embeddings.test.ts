import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { createLocalLlm } from './index.js';

const llm = createLocalLlm({ embeddingDimensions: 64 });
const client = new OpenAI({
  apiKey: 'test',
  baseURL: llm.baseURL,
  fetch: llm.fetch,
  maxRetries: 0,
});

const cosine = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * (b[i] ?? 0), 0);

async function embed(input: string[], extra: Partial<OpenAI.EmbeddingCreateParams> = {}) {
  const response = await client.embeddings.create({ model: 'local-embedding', input, ...extra });
  return response.data.map((d) => d.embedding);
}

describe('embeddings', () => {
  it('returns the OpenAI shape with usage and the default dimensions from options', async () => {
    const response = await client.embeddings.create({
      model: 'local-embedding',
      input: 'hello world',
      encoding_format: 'float',
    });
    expect(response.object).toBe('list');
    expect(response.model).toBe('local-embedding');
    expect(response.data[0]?.embedding).toHaveLength(64);
    expect(response.usage).toEqual({ prompt_tokens: 2, total_tokens: 2 });
    const norm = Math.hypot(...(response.data[0]?.embedding ?? []));
    expect(norm).toBeCloseTo(1, 5);
  });

  it('base64 (the SDK default) decodes to the same floats', async () => {
    const input = ['the cat sat on the mat', '猫坐在垫子上'];
    const viaBase64 = await embed(input, { dimensions: 16 });
    const viaFloat = await embed(input, { dimensions: 16, encoding_format: 'float' });
    expect(viaBase64).toEqual(viaFloat);
    expect(viaBase64[0]).toHaveLength(16);
    const raw = await llm.handler(
      new Request('http://x/v1/embeddings', {
        method: 'POST',
        body: JSON.stringify({
          model: 'm',
          input: 'x y z',
          encoding_format: 'base64',
          dimensions: 4,
        }),
      }),
    );
    const body = (await raw.json()) as { data: { embedding: unknown }[] };
    expect(typeof body.data[0]?.embedding).toBe('string');
  });

  it('texts sharing words are closer than texts that do not', async () => {
    const [query, near, far] = await embed(
      [
        'How do I bake bread?',
        'A simple recipe to bake bread at home',
        'Stock markets fell sharply today',
      ],
      {
        encoding_format: 'float',
      },
    );
    expect(cosine(query!, near!)).toBeGreaterThan(cosine(query!, far!));
  });

  it('works for Chinese', async () => {
    const [query, near, far] = await embed(
      ['如何烤面包', '在家烤面包的简单方法', '今天股市大幅下跌'],
      { encoding_format: 'float' },
    );
    expect(cosine(query!, near!)).toBeGreaterThan(cosine(query!, far!));
  });

  it('is deterministic', async () => {
    expect(await embed(['same text'])).toEqual(await embed(['same text']));
  });

  it.each([
    ['an empty string', { input: '' }, 'input[0]'],
    ['a token array', { input: [1, 2, 3] }, 'input[0]'],
    ['no input', {}, 'input'],
    ['bad dimensions', { input: 'x', dimensions: 0 }, 'dimensions'],
  ])('400 for %s', async (_name, body, param) => {
    const response = await llm.handler(
      new Request('http://x/v1/embeddings', {
        method: 'POST',
        body: JSON.stringify({ model: 'local-embedding', ...body }),
      }),
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { param: string } }).error.param).toBe(param);
  });
});
