#!/usr/bin/env node
// Pretrains the base model this package ships (base-model/): a 3-layer, d_model 96 GPT on the
// bundled English and Chinese corpus (data/corpus, written for this project), with the bundled
// SFT and preference data's characters in its vocabulary. Seeded, so it is reproducible: run with
// `npm run pretrain -w @repo/trainer` (about fifteen minutes on two cores). `--steps N` for a
// shorter try, `--out DIR` to write elsewhere.
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { GptRunner, generateChat, loadCheckpoint, train } from '../dist/index.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { values } = parseArgs({
  options: {
    steps: { type: 'string', default: '1200' },
    out: { type: 'string', default: path.join(root, 'base-model') },
  },
});
const data = (...p) => path.join(root, 'data', ...p);
const runDir = path.join(root, '.runs', 'pretrain-base');
await rm(runDir, { recursive: true, force: true });

const steps = Number(values.steps);
const bar = (done, total, width = 30) =>
  '█'.repeat(Math.round((done / total) * width)).padEnd(width, '░');
const result = await train(
  {
    stage: 'pretrain',
    runDir,
    data: [data('corpus', 'en.txt'), data('corpus', 'zh.txt')],
    vocabularyFrom: [data('sft.jsonl'), data('preferences.jsonl')],
    model: { layers: 3, dModel: 96, heads: 4, context: 128 },
    steps,
    batchSize: 16,
    learningRate: 3e-3,
    warmupSteps: Math.min(50, steps),
    optimizer: { name: 'adamw', weightDecay: 0.01 },
    seed: 2026,
    validationFraction: 0.05,
    evalEvery: Math.max(1, Math.round(steps / 24)),
  },
  {
    onEvent(event) {
      if (event.type === 'start')
        process.stdout.write(
          `pretraining ${event.parameters.exact.toLocaleString('en')} parameters (12·L·d² = ${event.parameters.approximate.toLocaleString('en')}), vocabulary ${event.vocabSize}\n`,
        );
      if (event.type === 'step') {
        const validation = event.metrics.validationLoss;
        process.stdout.write(
          `\r${bar(event.step + 1, event.steps)} ${event.step + 1}/${event.steps} loss ${event.loss.toFixed(3)}` +
            (validation === undefined ? '' : ` val ${validation.toFixed(3)}`) +
            ` ${Math.round(event.tokensPerSecond)} tok/s ETA ${Math.round(event.etaMs / 1000)} s   `,
        );
        if (validation !== undefined) process.stdout.write('\n');
      }
    },
  },
);

const out = values.out;
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
for (const file of ['model.json', 'weights.bin'])
  await cp(path.join(result.model, file), path.join(out, file));
await cp(path.join(runDir, 'loss.svg'), path.join(out, 'loss.svg'));
// What it says after pretraining alone: text-like continuations, not answers.
const checkpoint = await loadCheckpoint(out);
const runner = new GptRunner(checkpoint.config, checkpoint.weights);
const samples = [];
for (const prompt of ['What is a language model?', '什么是语言模型？']) {
  const generator = generateChat(
    runner,
    checkpoint.tokenizer,
    [{ role: 'user', content: prompt }],
    { seed: 1, maxTokens: 60 },
  );
  let next = generator.next();
  while (!next.done) next = generator.next();
  samples.push({ prompt, answer: next.value.text });
}
await writeFile(path.join(out, 'samples.json'), JSON.stringify(samples, null, 2) + '\n');
console.log(
  `\nsaved ${out}: final loss ${result.finalLoss.toFixed(3)}, validation ${result.metrics.validationLoss?.toFixed(3)}, ` +
    `${Math.round(result.seconds)} s, ${Math.round(result.tokensPerSecond)} tokens/s`,
);
