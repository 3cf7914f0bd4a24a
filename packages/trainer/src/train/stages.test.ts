import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dpoLoss } from '../losses/preference-losses.js';
import { initWeights } from '../model/config.js';
import { loadCheckpoint, saveCheckpoint } from '../model/checkpoint.js';
import { buildCharTokenizer } from '../tokenizer/build-tokenizer.js';
import { encodeChatSequence, parsePreferenceJsonl, parseSftJsonl } from './data.js';
import { train, type TrainEvent } from './train.js';

const SFT = [
  {
    messages: [
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Sure. Hello.' },
    ],
  },
  {
    messages: [
      { role: 'user', content: '你好' },
      { role: 'assistant', content: '好的。你好。' },
    ],
  },
  {
    messages: [
      { role: 'user', content: 'One?' },
      { role: 'assistant', content: 'No.', weight: 0 },
      { role: 'user', content: 'Two?' },
      { role: 'assistant', content: 'Sure. Two.' },
    ],
  },
];
const PREFERENCES = Array.from({ length: 12 }, (_, i) => ({
  input: { messages: [{ role: 'user', content: i % 2 ? `Question ${i}?` : `问题${i}？` }] },
  preferred_output: [
    { role: 'assistant', content: i % 2 ? 'Sure. Calm answer.' : '好的。平静的回答。' },
  ],
  non_preferred_output: [
    { role: 'assistant', content: i % 2 ? 'NO!!! GO AWAY!!!' : '不知道不知道！！！' },
  ],
}));
const jsonl = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

async function setup() {
  const dir = await mkdtemp(path.join(tmpdir(), 'stages-'));
  const texts = [jsonl(SFT), jsonl(PREFERENCES)];
  const tokenizer = buildCharTokenizer(texts);
  const config = { vocabSize: tokenizer.size, context: 48, layers: 1, dModel: 16, heads: 2 };
  const base = path.join(dir, 'base');
  await saveCheckpoint(base, {
    config,
    tokenizer,
    weights: initWeights(config, 3),
    meta: { stage: 'init', step: 0 },
  });
  await writeFile(path.join(dir, 'sft.jsonl'), jsonl(SFT));
  await writeFile(path.join(dir, 'prefs.jsonl'), jsonl(PREFERENCES));
  return { dir, base, tokenizer };
}

const stepEvents = (events: TrainEvent[]) =>
  events.filter((e) => e.type === 'step') as Extract<TrainEvent, { type: 'step' }>[];

describe('stages', () => {
  it('SFT counts only the assistant answers, and not an answer with weight 0', () => {
    const tokenizer = buildCharTokenizer([jsonl(SFT)]);
    const [, , multi] = parseSftJsonl(jsonl(SFT));
    const sequence = encodeChatSequence(tokenizer, multi!, 200);
    // Counted: "Sure. Two." (10 characters) and its <|end|>; not "No." (weight 0), not the prompts.
    expect(sequence.weights.filter((w) => w > 0)).toHaveLength(11);
    expect(sequence.weights).toHaveLength(sequence.ids.length - 1);
  });

  it('starts DPO at log 2 (the policy is its own reference) and the reward model at log 2 (a zero head)', async () => {
    const { dir, base } = await setup();
    for (const stage of ['dpo', 'reward'] as const) {
      const events: TrainEvent[] = [];
      await train(
        {
          stage,
          base,
          runDir: path.join(dir, stage),
          data: [path.join(dir, 'prefs.jsonl')],
          steps: 3,
          batchSize: 4,
          validationFraction: 0.25,
        },
        { onEvent: (e) => void events.push(e) },
      );
      const first = stepEvents(events)[0]!;
      expect(first.loss).toBeCloseTo(Math.log(2), 5);
      expect(first.metrics.margin).toBeCloseTo(0, 5);
      // The plain-number reference gives the same at equal log-probabilities.
      expect(
        dpoLoss({
          policyChosen: [-5],
          policyRejected: [-7],
          referenceChosen: [-5],
          referenceRejected: [-7],
          beta: 0.1,
        }).loss,
      ).toBeCloseTo(first.loss, 5);
      expect(stepEvents(events).at(-1)!.metrics['validation.accuracy']).toBeGreaterThanOrEqual(0);
    }
    const reward = await loadCheckpoint(path.join(dir, 'reward', 'final'));
    expect(reward.meta.stage).toBe('reward');
    expect(reward.rewardHead).toHaveLength(16 + 1);
    expect([...reward.rewardHead!].some((v) => v !== 0)).toBe(true);
  });

  it('learns preferences: DPO raises the chosen answers over the rejected ones', async () => {
    const { dir, base } = await setup();
    const events: TrainEvent[] = [];
    await train(
      {
        stage: 'dpo',
        base,
        runDir: path.join(dir, 'dpo-learn'),
        data: [path.join(dir, 'prefs.jsonl')],
        steps: 30,
        batchSize: 6,
        learningRate: 3e-3,
        validationFraction: 0,
      },
      { onEvent: (e) => void events.push(e) },
    );
    const steps = stepEvents(events);
    expect(steps.at(-1)!.loss).toBeLessThan(Math.log(2) * 0.5);
    expect(steps.at(-1)!.metrics.accuracy).toBe(1);
    expect(steps.at(-1)!.metrics.margin).toBeGreaterThan(0);
  });

  it('names the line and field of a bad row', () => {
    expect(() => parseSftJsonl('{"messages":[{"role":"user","content":"hi"}]}')).toThrow(
      /line 1: messages has no assistant turn/,
    );
    expect(() => parseSftJsonl('{"messages":[{"role":"tool","content":"x"}]}')).toThrow(
      /line 1: messages\[0\]\.role/,
    );
    expect(() => parseSftJsonl('\n{oops')).toThrow(/line 2: JSON/);
    const row = (preferred: string) =>
      JSON.stringify({
        input: { messages: [{ role: 'user', content: 'q' }] },
        preferred_output: [{ role: 'assistant', content: preferred }],
        non_preferred_output: [{ role: 'assistant', content: 'b' }],
      });
    expect(() => parsePreferenceJsonl(row('b'))).toThrow(/non_preferred_output is the same/);
    expect(parsePreferenceJsonl(row('a'))).toEqual([
      { prompt: [{ role: 'user', content: 'q' }], chosen: 'a', rejected: 'b' },
    ]);
  });
});
