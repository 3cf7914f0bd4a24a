import { describe, expect, it } from 'vitest';
import { nextLimit, TARGET_DELAY_MS } from './adapt-to-loop-delay.js';

describe('nextLimit (AIMD on the event loop delay)', () => {
  const options = { max: 64 };

  it('cuts the limit by a quarter when a tick fires later than the target, never below 1', () => {
    expect(nextLimit(64, TARGET_DELAY_MS + 1, 10, options)).toBe(48);
    expect(nextLimit(48, 300, 0, options)).toBe(36);
    expect(nextLimit(1, 1000, 10, options)).toBe(1);
  });

  it('grows by a quarter (at least one) while on time with requests waiting, up to the ceiling', () => {
    expect(nextLimit(4, 0, 3, options)).toBe(5);
    expect(nextLimit(20, TARGET_DELAY_MS, 3, options)).toBe(25);
    expect(nextLimit(60, 0, 100, options)).toBe(64);
  });

  it('stays put while on time with nobody waiting', () => {
    expect(nextLimit(7, 0, 0, options)).toBe(7);
  });

  it('reaches the ceiling from the slow start in a second of on-time ticks (20 ticks)', () => {
    let limit = 4;
    for (let tick = 0; tick < 20; tick++) limit = nextLimit(limit, 0, 100, options);
    expect(limit).toBe(64);
  });
});
