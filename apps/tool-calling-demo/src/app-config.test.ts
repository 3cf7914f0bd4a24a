// The app's config: defaults, and one message listing every bad variable.
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILES_ROOT, parseAppConfig } from './app-config.js';

describe('parseAppConfig', () => {
  it('has working defaults: port 3002 on loopback, the bundled data folder', () => {
    expect(parseAppConfig({})).toEqual({
      PORT: 3002,
      HOST: '127.0.0.1',
      TRUSTED_NETWORK: false,
      HTTP_MAX_IN_FLIGHT: 64,
      HTTP_MAX_QUEUED: 256,
      TOOLS_FILES_ROOT: DEFAULT_FILES_ROOT,
      TOOLS_MAX_ITERATIONS: 10,
      STEPS_TTL_MINUTES: 30,
      STEPS_MAX_CONVERSATIONS: 1000,
    });
    expect(DEFAULT_FILES_ROOT).toMatch(/tool-calling-demo[/\\]data$/);
  });

  it('treats blank values as unset and reads the others', () => {
    const config = parseAppConfig({
      PORT: ' ',
      TOOLS_MAX_ITERATIONS: '3',
      TOOLS_FIXED_TIME: '2025-06-01T12:00:00Z',
    });
    expect(config).toMatchObject({
      PORT: 3002,
      TOOLS_MAX_ITERATIONS: 3,
      TOOLS_FIXED_TIME: '2025-06-01T12:00:00Z',
    });
  });

  it('fails with one message naming every bad variable', () => {
    expect(() =>
      parseAppConfig({
        PORT: 'eighty',
        TOOLS_FILES_ROOT: '/no/such/folder',
        TOOLS_MAX_ITERATIONS: '0',
        TOOLS_FIXED_TIME: 'tomorrow',
      }),
    ).toThrow(
      [
        'Invalid configuration:',
        '  - PORT: must be a number',
        '  - TOOLS_FILES_ROOT: must be an existing folder',
        '  - TOOLS_MAX_ITERATIONS: must be between 1 and 50',
        '  - TOOLS_FIXED_TIME: must be an ISO date-time, e.g. 2025-06-01T12:00:00Z',
      ].join('\n'),
    );
  });
});
