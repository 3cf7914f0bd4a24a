import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { InvalidInputError } from '@repo/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCheckpoint } from '../model/checkpoint.js';
import { initWeights, type GptConfig } from '../model/config.js';
import { GptRunner } from '../model/inference.js';
import { generateChat, type SampleOptions } from '../model/sample.js';
import { buildCharTokenizer } from '../tokenizer/build-tokenizer.js';
import type { ChatTurn } from '../tokenizer/char-tokenizer.js';
import { DEFAULT_SEED, loadTrainedChatModel, type TrainedChatModel } from './trained-chat-model.js';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const tokenizer = buildCharTokenizer([
  'Hello, how are you? I am fine.',
  '你好，今天天气很好。模型在学习。',
]);
const config: GptConfig = {
  vocabSize: tokenizer.size,
  context: 48,
  layers: 2,
  dModel: 16,
  heads: 2,
};
const weights = initWeights(config, 42);
const runner = new GptRunner(config, weights);
let dir: string;
let model: TrainedChatModel;

/** What the sampler itself gives: the reference every served answer must equal. */
function reference(turns: ChatTurn[], options: SampleOptions) {
  const pieces = generateChat(runner, tokenizer, turns, options);
  for (;;) {
    const next = pieces.next();
    if (next.done) return next.value;
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'trained-chat-'));
  await saveCheckpoint(dir, { config, tokenizer, weights, meta: { stage: 'init', step: 0 } });
  model = await loadTrainedChatModel(dir, { id: 'tiny-test' });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('loadTrainedChatModel', () => {
  it('answers exactly what generateChat samples with the same seed and options', () => {
    const turns: ChatTurn[] = [{ role: 'user', content: 'Hello, how are you?' }];
    const expected = reference(turns, { seed: 7, temperature: 1, topP: 0.9, maxTokens: 12 });
    expect(expected.text.length).toBeGreaterThan(0);
    const answer = model.complete([{ role: 'user', content: 'Hello, how are you?' }], {
      seed: 7,
      temperature: 1,
      top_p: 0.9,
      max_tokens: 12,
    });
    expect(answer).toEqual({
      text: expected.text,
      promptTokens: expected.promptTokens,
      completionTokens: expected.tokens.length,
      finishReason: expected.finishReason,
    });
    expect(answer.promptTokens).toBe(tokenizer.encodeChat(turns, { generate: true }).ids.length);
    // The seed really reaches the sampler: another one gives another answer.
    const other = model.complete([{ role: 'user', content: 'Hello, how are you?' }], {
      seed: 8,
      temperature: 1,
      max_tokens: 12,
    });
    expect(other.text).not.toBe(answer.text);
  });

  it('is reproducible without a seed, and max_completion_tokens wins over max_tokens', () => {
    const messages = [{ role: 'user' as const, content: 'I am fine.' }];
    const first = model.complete(messages, { max_tokens: 30, max_completion_tokens: 5 });
    expect(first).toEqual(model.complete(messages, { max_tokens: 30, max_completion_tokens: 5 }));
    const expected = reference([{ role: 'user', content: 'I am fine.' }], {
      seed: DEFAULT_SEED,
      maxTokens: 5,
    });
    expect(first.text).toBe(expected.text);
    expect(first.completionTokens).toBe(expected.tokens.length);
    expect(first.completionTokens).toBeLessThanOrEqual(5);
  });

  it('streams pieces that add up to the same text and returns the same usage', () => {
    const messages = [{ role: 'user' as const, content: 'Hello' }];
    const options = { seed: 3, temperature: 1.2, max_tokens: 20 };
    const pieces: string[] = [];
    const stream = model.stream(messages, options);
    let next = stream.next();
    while (!next.done) {
      pieces.push(next.value);
      next = stream.next();
    }
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(next.value.text);
    expect(next.value).toEqual(model.complete(messages, options));
  });

  it('takes Chinese prompts, developer as system and text parts as one string', () => {
    const turns: ChatTurn[] = [
      { role: 'system', content: '你是助手。' },
      { role: 'user', content: '今天天气怎么样？' },
    ];
    const expected = reference(turns, { seed: 11, maxTokens: 16 });
    const answer = model.complete(
      [
        { role: 'developer', content: '你是助手。' },
        {
          role: 'user',
          content: [
            { type: 'text', text: '今天天气' },
            { type: 'text', text: '怎么样？' },
          ],
        },
      ],
      { seed: 11, max_tokens: 16 },
    );
    expect(answer.text).toBe(expected.text);
    // 是助手怎么样？ are not in the vocabulary: their UTF-8 bytes are tokens (3 each), making the
    // prompt 33 tokens; it is cut to 48 − 16 = 32 to leave room for the answer.
    expect(tokenizer.encodeChat(turns, { generate: true }).ids.length).toBe(33);
    expect(answer.promptTokens).toBe(32);
    expect(answer.promptTokens).toBe(expected.promptTokens);
    // Random weights sample random bytes too, yet what comes out is always well-formed text.
    expect(Buffer.from(answer.text, 'utf8').toString('utf8')).toBe(answer.text);
    expect(model.id).toBe('tiny-test');
    expect(model.meta).toMatchObject({ stage: 'init', step: 0 });
  });

  it('names the field of a message or option it cannot take', () => {
    const fieldOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidInputError);
        return (error as InvalidInputError).details[0]?.field;
      }
      return 'no error';
    };
    const hi = { role: 'user' as const, content: 'hi' };
    expect(fieldOf(() => model.complete([hi, { role: 'tool', content: 'x' } as never]))).toBe(
      'messages[1].role',
    );
    expect(fieldOf(() => model.stream([{ role: 'user', content: 42 } as never]))).toBe(
      'messages[0].content',
    );
    const image = { type: 'image_url', image_url: { url: 'x' } };
    expect(fieldOf(() => model.complete([{ role: 'user', content: [image] } as never]))).toBe(
      'messages[0].content[0]',
    );
    expect(fieldOf(() => model.complete([]))).toBe('messages');
    expect(fieldOf(() => model.complete([hi], { temperature: 3 }))).toBe('temperature');
    expect(fieldOf(() => model.complete([hi], { top_p: '0.5' as never }))).toBe('top_p');
    expect(fieldOf(() => model.complete([hi], { max_tokens: 0 }))).toBe('max_tokens');
    expect(fieldOf(() => model.complete([hi], { seed: 1.5 }))).toBe('seed');
  });

  it('reports a missing checkpoint as an InvalidInputError naming model.json', async () => {
    const error = await loadTrainedChatModel(path.join(dir, 'missing')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).details[0]?.field).toBe('model.json');
  });
});

describe('@repo/trainer/serve (built)', () => {
  // A fresh Node whose module resolver refuses @tensorflow/*: importing the subpath and answering
  // must work; the package's main entry loading TensorFlow.js is refused (the check can fail).
  const refuseTf = `export async function resolve(specifier, context, next) {
    if (specifier.startsWith('@tensorflow/')) throw new Error('refused ' + specifier);
    return next(specifier, context);
  }`;
  const script = `
    import { register, createRequire } from 'node:module';
    register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(refuseTf)}));
    const [mode, dir] = process.argv.slice(1);
    let text;
    if (mode === 'serve') {
      const { loadTrainedChatModel } = await import('@repo/trainer/serve');
      const model = await loadTrainedChatModel(dir);
      text = model.complete([{ role: 'user', content: '你好' }], { seed: 5, max_tokens: 8 }).text;
    } else {
      const { loadTf } = await import('@repo/trainer');
      await loadTf();
    }
    const loaded = Object.keys(createRequire(process.cwd() + '/').cache);
    console.log(JSON.stringify({ text, tf: loaded.filter((file) => file.includes('@tensorflow')) }));
  `;
  const run = (mode: string) =>
    promisify(execFile)(process.execPath, ['--input-type=module', '-e', script, mode, dir], {
      cwd: packageDir,
    });

  it('serves a checkpoint without loading TensorFlow.js', async () => {
    const { stdout } = await run('serve');
    const expected = model.complete([{ role: 'user', content: '你好' }], {
      seed: 5,
      max_tokens: 8,
    });
    expect(JSON.parse(stdout)).toEqual({ text: expected.text, tf: [] });
  });

  it('would notice: the main entry’s loadTf is refused by the same check', async () => {
    await expect(run('main')).rejects.toThrow(/refused @tensorflow\/tfjs/);
  });
});
