import { PROVIDER_ENV_VARS } from '@repo/providers';
import { describe, expect, it } from 'vitest';
import { AiConfigError, parseAiConfig } from './ai-config.js';

describe('parseAiConfig', () => {
  it('accepts an empty environment (the embedded model) and treats blanks as unset', () => {
    expect(parseAiConfig({})).toEqual({ env: {}, registry: {} });
    expect(parseAiConfig({ DEEPSEEK_API_KEY: '  ', AI_PROVIDER: '' }).env).toEqual({});
  });

  it('keeps only the provider variables and derives registry options', () => {
    const config = parseAiConfig({
      DEEPSEEK_API_KEY: ' sk-test ',
      DEEPSEEK_BASE_URL: 'http://127.0.0.1:3100/v1',
      AI_PROVIDER: 'deepseek',
      AI_MAX_RETRIES: '0',
      AI_TIMEOUT_MS: '2500',
      HOME: '/root',
    });
    expect(config.env).toEqual({
      DEEPSEEK_API_KEY: 'sk-test',
      DEEPSEEK_BASE_URL: 'http://127.0.0.1:3100/v1',
      AI_PROVIDER: 'deepseek',
    });
    expect(config.registry).toEqual({ retry: { maxRetries: 0 }, timeoutMs: 2500 });
  });

  it('reads every variable named by @repo/providers', () => {
    const env = Object.fromEntries(
      PROVIDER_ENV_VARS.filter((v) => !v.endsWith('_PROVIDER')).map((v) => [
        v,
        v.endsWith('_BASE_URL') ? 'https://example.test/v1' : 'x',
      ]),
    );
    expect(Object.keys(parseAiConfig(env).env).sort()).toEqual(Object.keys(env).sort());
  });

  it('fails with one message listing each bad variable, without echoing secrets', () => {
    let error: unknown;
    try {
      parseAiConfig({
        AI_PROVIDER: 'deepsek',
        OPENAI_BASE_URL: 'not a url',
        AI_MAX_RETRIES: 'many',
        OPENAI_API_KEY: 'sk-secret-value',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AiConfigError);
    const configError = error as AiConfigError;
    expect(configError.issues.map((issue) => issue.variable).sort()).toEqual([
      'AI_MAX_RETRIES',
      'AI_PROVIDER',
      'OPENAI_BASE_URL',
    ]);
    expect(configError.message).toMatch(/^Invalid AI configuration \(3 problems\)/);
    expect(configError.message).toContain(
      '  - AI_PROVIDER: "deepsek" is not a provider; use one of openai, deepseek, qwen, doubao, zhipu, moonshot, ollama, local',
    );
    expect(configError.message).toContain('  - OPENAI_BASE_URL: must be an http(s) URL');
    expect(configError.message).toContain('  - AI_MAX_RETRIES: must be a number');
    expect(configError.message).not.toContain('sk-secret-value');
  });

  it('names the variable to set when AI_PROVIDER or EMBEDDING_PROVIDER is not usable', () => {
    expect(() => parseAiConfig({ AI_PROVIDER: 'doubao' })).toThrow(
      'AI_PROVIDER: doubao is not configured; set DOUBAO_API_KEY and DOUBAO_MODEL',
    );
    expect(() => parseAiConfig({ EMBEDDING_PROVIDER: 'deepseek', DEEPSEEK_API_KEY: 'k' })).toThrow(
      'EMBEDDING_PROVIDER: DeepSeek has no embeddings endpoint',
    );
  });
});
