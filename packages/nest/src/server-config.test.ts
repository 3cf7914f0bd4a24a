import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseEnvConfig } from './parse-env-config.js';
import { checkExposure, isLoopbackHost, serverVars } from './server-config.js';

const parse = (env: Record<string, string>) => parseEnvConfig(z.object(serverVars(3000)), env);

describe('server settings', () => {
  it('defaults to loopback, no token, the default limits', () => {
    expect(parse({})).toEqual({
      PORT: 3000,
      HOST: '127.0.0.1',
      TRUSTED_NETWORK: false,
      HTTP_MAX_IN_FLIGHT: 64,
      HTTP_MAX_QUEUED: 256,
    });
    expect(parse({ TRUSTED_NETWORK: 'YES', HTTP_MAX_QUEUED: '0' })).toMatchObject({
      TRUSTED_NETWORK: true,
      HTTP_MAX_QUEUED: 0,
    });
  });

  it('names each wrong variable and its rule, never the value', () => {
    expect(() =>
      parse({ API_TOKEN: 'short-secret', TRUSTED_NETWORK: 'maybe', HTTP_MAX_IN_FLIGHT: '0' }),
    ).toThrow(
      [
        'Invalid configuration:',
        '  - API_TOKEN: must be at least 16 characters (a long random string)',
        '  - TRUSTED_NETWORK: must be true or false',
        '  - HTTP_MAX_IN_FLIGHT: must be between 1 and 10000',
      ].join('\n'),
    );
  });

  it('refuses to listen beyond loopback without a token, unless the network is trusted', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'])
      expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'example.com'])
      expect(isLoopbackHost(host)).toBe(false);
    const base = { HOST: '0.0.0.0', TRUSTED_NETWORK: false };
    expect(() => checkExposure(base)).toThrow(
      /^HOST=0\.0\.0\.0 listens beyond this machine.*Set API_TOKEN .*TRUSTED_NETWORK=true/,
    );
    expect(() => checkExposure({ ...base, API_TOKEN: 'x'.repeat(16) })).not.toThrow();
    expect(() => checkExposure({ ...base, TRUSTED_NETWORK: true })).not.toThrow();
    expect(() => checkExposure({ ...base, HOST: '127.0.0.1' })).not.toThrow();
  });
});
