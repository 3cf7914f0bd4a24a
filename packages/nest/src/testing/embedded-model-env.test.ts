import { describe, expect, it } from 'vitest';
import { embeddedModelEnv } from './embedded-model-env.js';

describe('embeddedModelEnv', () => {
  it('drops provider, model and tuning variables and the app variables matching `drop`', () => {
    const env = {
      PATH: '/bin',
      DEEPSEEK_API_KEY: 'sk-x',
      QWEN_BASE_URL: 'http://q',
      AI_PROVIDER: 'qwen',
      AI_TIMEOUT_MS: '5',
      RAG_TOP_K: '3',
      DATABASE_URL: 'memory://',
      DATABASE_URL_OLD: 'kept',
    };
    expect(embeddedModelEnv(/^(RAG_|DATABASE_URL$)/, env)).toEqual({
      PATH: '/bin',
      DATABASE_URL_OLD: 'kept',
    });
    expect(embeddedModelEnv(undefined, env)).toMatchObject({ RAG_TOP_K: '3' });
  });
});
