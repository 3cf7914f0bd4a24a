import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { train, type TrainConfig, type TrainEvent } from '../train/train.js';
import { startRun } from './start-run.js';

async function setup(): Promise<{ dir: string; config: Omit<TrainConfig, 'runDir'> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'run-'));
  const file = path.join(dir, 'corpus.txt');
  await writeFile(file, 'the cat sat on the mat. 小猫坐在垫子上。\n'.repeat(200));
  return {
    dir,
    config: {
      stage: 'pretrain',
      data: [file],
      model: { layers: 1, dModel: 32, heads: 2, context: 32 },
      steps: 10,
      batchSize: 8,
    },
  };
}

const stepLosses = (events: TrainEvent[]) =>
  new Map(events.flatMap((e) => (e.type === 'step' ? [[e.step, e.loss] as const] : [])));

describe('startRun', () => {
  it('trains in a worker thread while this event loop stays responsive', async () => {
    const { dir, config } = await setup();
    const shape = { ...config, steps: 40, model: { layers: 2, dModel: 64, heads: 4, context: 64 } };
    // Load measures what this thread does, not how busy the machine is: the share of time its
    // event loop was running code (0 = always idle), and the typical timer delay. CI machines are
    // shared, so a single worst-case delay says more about the scheduler than about this code.
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const before = performance.eventLoopUtilization();
    const run = startRun({ ...shape, runDir: path.join(dir, 'run') });
    const events: TrainEvent[] = [];
    run.events.on('event', (e) => events.push(e));
    const result = await run.done;
    const inWorker = performance.eventLoopUtilization(before).utilization;
    delay.disable();
    expect(result.steps).toBe(40);
    expect(events.filter((e) => e.type === 'step')).toHaveLength(40);
    expect(events.at(-1)).toMatchObject({ type: 'done' });
    expect(inWorker).toBeLessThan(0.25);
    expect(delay.percentile(50) / 1e6).toBeLessThan(50);

    // The control: the same training in this thread keeps its event loop busy nearly all the time.
    const start = performance.eventLoopUtilization();
    await train({ ...shape, steps: 8, runDir: path.join(dir, 'in-thread') });
    expect(performance.eventLoopUtilization(start).utilization).toBeGreaterThan(0.6);
  });

  it('resumes after the worker is killed with the same next-step loss as an uninterrupted run', async () => {
    const { dir, config } = await setup();
    const whole: TrainEvent[] = [];
    const full = startRun({ ...config, runDir: path.join(dir, 'whole') });
    full.events.on('event', (e) => whole.push(e));
    await full.done;

    const runDir = path.join(dir, 'killed');
    const first = startRun({ ...config, runDir, checkpointEvery: 3 });
    const seen: TrainEvent[] = [];
    first.events.on('event', (e) => {
      seen.push(e);
      if (e.type === 'checkpoint' && e.step === 5) void first.kill();
    });
    await expect(first.done).rejects.toThrow(/stopped/);
    const second = startRun({ runDir } as TrainConfig, { resume: true });
    const after: TrainEvent[] = [];
    second.events.on('event', (e) => after.push(e));
    await second.done;
    // The kill lands at the step-5 checkpoint or, if the worker outran it, a later one.
    const start = after[0] as Extract<TrainEvent, { type: 'start' }>;
    expect([6, 9]).toContain(start.startStep);
    const expected = stepLosses(whole);
    for (const [step, loss] of stepLosses(after)) expect(loss).toBe(expected.get(step));
    expect(stepLosses(after).size).toBe(10 - start.startStep);
  });

  it('cancels after the current step, leaving a checkpoint', async () => {
    const { dir, config } = await setup();
    const run = startRun({ ...config, runDir: path.join(dir, 'c'), steps: 500 });
    run.events.on('event', (e) => e.type === 'step' && e.step === 2 && run.cancel());
    await expect(run.done).rejects.toMatchObject({
      name: 'AbortError',
      checkpoint: expect.stringContaining('step-'),
    });
  });

  it('refuses bad settings in the calling thread, naming the field', () => {
    expect(() => startRun({ stage: 'dpo', runDir: '/tmp/x', data: ['p.jsonl'], steps: 5 })).toThrow(
      /base/,
    );
  });
});
