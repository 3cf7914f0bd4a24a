import { describe, expect, it } from 'vitest';
import { MissingApiKeyError } from './ai-errors.js';
import { loadApiKey } from './load-api-key.js';

describe('loadApiKey', () => {
  const base = { environmentVariableName: 'DEEPSEEK_API_KEY', description: 'DeepSeek' };

  it('prefers the option over the environment', () => {
    expect(loadApiKey({ ...base, apiKey: 'sk-option', env: { DEEPSEEK_API_KEY: 'sk-env' } })).toBe(
      'sk-option',
    );
  });

  it('falls back to the environment variable, trimmed', () => {
    expect(loadApiKey({ ...base, env: { DEEPSEEK_API_KEY: ' sk-env\n' } })).toBe('sk-env');
  });

  it('names the variable to set and never echoes anything secret', () => {
    let caught: unknown;
    try {
      loadApiKey({ ...base, apiKey: '  ', env: {} });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MissingApiKeyError);
    const error = caught as MissingApiKeyError;
    expect(error.environmentVariableName).toBe('DEEPSEEK_API_KEY');
    expect(error.message).toBe(
      'DeepSeek API key is missing. Pass it as the apiKey option or set the DEEPSEEK_API_KEY environment variable.',
    );
  });

  it('reads process.env when no env is given', () => {
    process.env.CORE_TEST_API_KEY = 'sk-process';
    expect(loadApiKey({ environmentVariableName: 'CORE_TEST_API_KEY', description: 'Test' })).toBe(
      'sk-process',
    );
    delete process.env.CORE_TEST_API_KEY;
  });
});
