import { describe, expect, it } from 'vitest';
import { createLazyResource } from './lazy-resource.js';

describe('createLazyResource', () => {
  it('opens once for concurrent callers, retries after a failed open, closes what it opened', async () => {
    const events: string[] = [];
    let attempt = 0;
    const resource = createLazyResource({
      open: async () => {
        attempt++;
        if (attempt === 1) throw new Error('folder held by another process');
        return { n: attempt };
      },
      close: async (value) => void events.push(`close ${value.n}`),
      onOpen: (value) => events.push(`open ${value.n}`),
      onError: (error) => events.push(`error ${(error as Error).message}`),
    });
    await expect(resource.get()).rejects.toThrow('folder held by another process');
    const [a, b] = await Promise.all([resource.get(), resource.get()]);
    expect(a).toBe(b);
    expect(a).toEqual({ n: 2 });
    await resource.close();
    await resource.close();
    expect(events).toEqual(['error folder held by another process', 'open 2', 'close 2']);
    expect(await resource.get()).toEqual({ n: 3 });
  });

  it('closing after a failed open does nothing', async () => {
    const closed: unknown[] = [];
    const resource = createLazyResource({
      open: () => Promise.reject(new Error('down')),
      close: async (value) => void closed.push(value),
    });
    await resource.get().catch(() => undefined);
    await resource.close();
    expect(closed).toEqual([]);
  });
});
