import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchDeadline } from './coarse-deadlines.js';

describe('watchDeadline', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('fires once its time has passed (within one tick), and not before', () => {
    const fired: string[] = [];
    watchDeadline(100, () => fired.push('a'));
    watchDeadline(300, () => fired.push('b'));
    vi.advanceTimersByTime(90);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(40);
    expect(fired).toEqual(['a']);
    vi.advanceTimersByTime(1_000);
    expect(fired).toEqual(['a', 'b']);
  });

  it('does not fire once stopped, and leaves no timer behind when idle', () => {
    const fired: string[] = [];
    const stop = watchDeadline(50, () => fired.push('stopped'));
    stop();
    vi.advanceTimersByTime(1_000);
    expect(fired).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
