import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCheckpoint } from '../model/checkpoint.js';
import { train, type TrainConfig, type TrainEvent } from './train.js';

const CORPUS = [
  'the cat sat on the mat. the dog sat on the log. the cat and the dog sat on the mat.\n',
  '小猫坐在垫子上。小狗坐在木头上。小猫和小狗都坐在垫子上。\n',
].map((line) => line.repeat(30));

async function corpusFile(dir: string): Promise<string> {
  const file = path.join(dir, 'corpus.txt');
  await writeFile(file, CORPUS.join('\n'));
  return file;
}

const small = { layers: 1, dModel: 32, heads: 2, context: 32 };

function collect(events: TrainEvent[]) {
  return (event: TrainEvent) => void events.push(event);
}

const steps = (events: TrainEvent[]) =>
  events.filter((e) => e.type === 'step') as Extract<TrainEvent, { type: 'step' }>[];

describe('train: pretraining', () => {
  it('brings the loss down on a fixed seed and writes the run folder', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'trainer-'));
    const events: TrainEvent[] = [];
    const result = await train(
      {
        stage: 'pretrain',
        runDir: path.join(dir, 'run'),
        data: [await corpusFile(dir)],
        model: small,
        steps: 60,
        batchSize: 8,
        learningRate: 1e-2,
        evalEvery: 10,
        peakFlops: 1e11,
      },
      { onEvent: collect(events) },
    );
    const logged = steps(events);
    expect(logged).toHaveLength(60);
    // ln(vocab) at the start; the repeated sentences are learned.
    expect(logged[0]!.loss).toBeGreaterThan(3);
    expect(result.finalLoss).toBeLessThan(logged[0]!.loss * 0.5);
    const validation = logged.flatMap((e) =>
      e.metrics.validationLoss === undefined ? [] : [e.metrics.validationLoss],
    );
    expect(validation).toHaveLength(6);
    expect(validation.at(-1)!).toBeLessThan(validation[0]!);
    expect(events[0]).toMatchObject({
      type: 'start',
      stage: 'pretrain',
      parameters: { approximate: 12 * 32 * 32 },
    });
    const metrics = (await readFile(path.join(dir, 'run', 'metrics.jsonl'), 'utf8'))
      .trim()
      .split('\n');
    expect(metrics).toHaveLength(60);
    expect(await readFile(path.join(dir, 'run', 'loss.svg'), 'utf8')).toContain('<polyline');
    const saved = await loadCheckpoint(result.model);
    expect(saved.meta).toMatchObject({ stage: 'pretrain', step: 59 });
    expect(result.flops).toBe(6 * result.parameters * result.tokens);
    expect(result.mfu).toBeCloseTo(result.flops / result.seconds / 1e11, 9);
  });

  it('resumes after a stop with the same next-step loss as an uninterrupted run', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'trainer-'));
    const data = [await corpusFile(dir)];
    const base: Omit<TrainConfig, 'runDir'> = {
      stage: 'pretrain',
      data,
      model: { ...small, dropout: 0.1 },
      steps: 8,
      batchSize: 4,
      optimizer: { name: 'adamw', weightDecay: 0.01 },
    };
    const whole: TrainEvent[] = [];
    await train({ ...base, runDir: path.join(dir, 'whole') }, { onEvent: collect(whole) });

    const first: TrainEvent[] = [];
    let stepsSeen = 0;
    await expect(
      train(
        { ...base, runDir: path.join(dir, 'split') },
        {
          onEvent: (e) => (first.push(e), e.type === 'step' && stepsSeen++),
          shouldStop: () => stepsSeen >= 4,
        },
      ),
    ).rejects.toThrow(/cancelled/);
    expect(first.at(-1)).toMatchObject({ type: 'cancelled', step: 3 });
    const second: TrainEvent[] = [];
    await train({ runDir: path.join(dir, 'split') } as TrainConfig, {
      resume: true,
      onEvent: collect(second),
    });
    expect(second[0]).toMatchObject({ type: 'start', startStep: 4 });
    const expected = steps(whole)
      .slice(4)
      .map((e) => e.loss);
    expect(steps(second).map((e) => e.loss)).toEqual(expected);
  });

  it('names the field of a bad setting', async () => {
    await expect(
      train({ stage: 'sft', runDir: '/tmp/x', data: ['a.jsonl'], steps: 1 }),
    ).rejects.toMatchObject({
      details: [{ field: 'base' }],
    });
    await expect(
      train({ stage: 'pretrain', runDir: '/tmp/x', data: ['a.txt'], steps: 0 }),
    ).rejects.toMatchObject({
      details: [{ field: 'steps' }],
    });
    await expect(
      train({
        stage: 'pretrain',
        runDir: '/tmp/x',
        data: ['a.txt'],
        steps: 1,
        optimizer: { name: 'rmsprop' as never },
      }),
    ).rejects.toMatchObject({ details: [{ field: 'optimizer.name' }] });
    await expect(
      train({ stage: 'pretrain', runDir: '/tmp/x', data: ['a.txt'], steps: 1, peakFlops: -1 }),
    ).rejects.toMatchObject({ details: [{ field: 'peakFlops' }] });
  });
});
