import { describe, expect, it } from 'vitest';
import { main } from '../examples/quick-start.js';

describe('README quick start', () => {
  it('runs and returns what the README shows', async () => {
    expect(await main()).toEqual({
      answer: 'Based on the tool results: getCurrentWeather → {"city":"Paris","temperature":21}.',
      streamed: '根据工具结果：getCurrentWeather → {"city":"北京","temperature":15}。',
      trip: { city: 'Rome', days: 3 },
      requests: 3,
    });
  }, 30_000);
});
