// A seeded, untrained tiny-GPT checkpoint in a temp folder: random weights, but the same answers
// for the same seed, which is all the serving tests need (they compare with the trainer itself).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildCharTokenizer, initWeights, saveCheckpoint } from '@repo/trainer';

export async function saveSeededCheckpoint(): Promise<{ dir: string; remove(): Promise<void> }> {
  const root = await mkdtemp(path.join(tmpdir(), 'local-llm-trained-'));
  const dir = path.join(root, 'tiny-chat');
  const tokenizer = buildCharTokenizer([
    'Hello! How are you today?',
    '你好，今天天气很好。我们学习语言模型。',
  ]);
  const config = { vocabSize: tokenizer.size, context: 64, layers: 2, dModel: 16, heads: 2 };
  await saveCheckpoint(dir, {
    config,
    tokenizer,
    weights: initWeights(config, 3),
    meta: { stage: 'init', step: 0 },
  });
  return { dir, remove: () => rm(root, { recursive: true, force: true }) };
}
