import { describe, expect, it } from 'vitest';
import { main } from '../examples/quick-start.js';

describe('README quick start', () => {
  it('runs and returns what the README shows', async () => {
    expect(await main()).toEqual({
      tools: ['getCurrentWeather'],
      servers: [
        { name: 'weather', state: 'connected', error: undefined },
        {
          name: 'broken',
          state: 'failed',
          error: 'command not found (spawn no-such-mcp-server ENOENT); check "command" and PATH',
        },
      ],
      answer: {
        city: '北京',
        temperature: 18,
        unit: 'C',
        condition: '晴',
        humidity: 35,
        windKph: 12,
      },
    });
  });
});
