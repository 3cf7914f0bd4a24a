import { describe, expect, it } from 'vitest';
import { AbortedError } from './ai-errors.js';
import { sleep } from './sleep.js';

describe('sleep', () => {
  it('waits, and an abort cuts it short with AbortedError', async () => {
    await expect(sleep(1)).resolves.toBeUndefined();
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(AbortedError);
    await expect(sleep(1, controller.signal)).rejects.toBeInstanceOf(AbortedError);
  });
});
