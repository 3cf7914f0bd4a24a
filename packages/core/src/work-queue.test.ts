import { describe, expect, it } from 'vitest';
import { AbortedError, OverloadedError } from './ai-errors.js';
import { createWorkQueue } from './work-queue.js';

/** A task that finishes when the test says so. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, task: () => opened.then(() => 'done') };
}

describe('createWorkQueue', () => {
  it('runs up to `concurrency`, queues up to `maxQueued`, refuses the next with Retry-After', async () => {
    const queue = createWorkQueue({ concurrency: 2, maxQueued: 1, name: 'jobs', hint: 'raise X' });
    const gates = [gate(), gate(), gate()];
    const results = gates.map((g) => queue.run(g.task));
    expect([queue.running, queue.queued]).toEqual([2, 1]);

    const refused = await queue.run(async () => 'never').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(OverloadedError);
    expect((refused as OverloadedError).message).toBe(
      'Too many jobs at once (2 running, 1 waiting); retry in 1 s; raise X.',
    );
    expect((refused as OverloadedError).retryAfterMs).toBe(1000);

    gates[0]!.open();
    await results[0];
    // The waiting task took the freed slot.
    expect([queue.running, queue.queued]).toEqual([2, 0]);
    gates[1]!.open();
    gates[2]!.open();
    await expect(Promise.all(results)).resolves.toEqual(['done', 'done', 'done']);
    expect([queue.running, queue.queued]).toEqual([0, 0]);
  });

  it('frees the slot when a task fails, and passes the failure on', async () => {
    const queue = createWorkQueue({ concurrency: 1, maxQueued: 0 });
    await expect(queue.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(queue.run(async () => 42)).resolves.toBe(42);
  });

  it('drops a waiting task whose signal aborts, without running it', async () => {
    const queue = createWorkQueue({ concurrency: 1, maxQueued: 1 });
    const first = gate();
    const running = queue.run(first.task);
    const controller = new AbortController();
    let ran = false;
    const waiting = queue.run(
      async () => {
        ran = true;
      },
      { signal: controller.signal },
    );
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(AbortedError);
    expect(queue.queued).toBe(0);
    first.open();
    await running;
    expect(ran).toBe(false);
  });

  it('estimates Retry-After from how long tasks take, within its bounds', async () => {
    let clock = 0;
    const queue = createWorkQueue({
      concurrency: 1,
      maxQueued: 0,
      minRetryAfterMs: 1000,
      maxRetryAfterMs: 5000,
      now: () => clock,
    });
    await queue.run(async () => {
      clock += 2600; // a task that takes 2.6 s
    });
    expect(queue.retryAfterMs()).toBe(3000); // whole seconds, rounded up
    await queue.run(async () => {
      clock += 100_000;
    });
    expect(queue.retryAfterMs()).toBe(5000); // capped
    const blocker = gate();
    void queue.run(blocker.task);
    const refused = await queue.run(async () => 0).catch((error: unknown) => error);
    expect((refused as OverloadedError).retryAfterMs).toBe(5000);
    blocker.open();
  });

  it('lowers and raises its concurrency: running tasks finish, waiting ones start when it allows', async () => {
    const queue = createWorkQueue({ concurrency: 2, maxQueued: 4 });
    const gates = [gate(), gate(), gate(), gate()];
    const results = gates.map((g) => queue.run(g.task));
    expect([queue.running, queue.queued]).toEqual([2, 2]);
    queue.setConcurrency(1);
    gates[0]!.open();
    await results[0];
    // One still runs, and at concurrency 1 the freed slot is not refilled.
    expect([queue.running, queue.queued, queue.concurrency]).toEqual([1, 2, 1]);
    queue.setConcurrency(3);
    expect([queue.running, queue.queued]).toEqual([3, 0]);
    for (const g of gates) g.open();
    await expect(Promise.all(results)).resolves.toHaveLength(4);
    queue.setConcurrency(0);
    expect(queue.concurrency).toBe(1);
  });
});
