import { MockChatModel } from '@repo/core/testing';
import { describe, expect, it } from 'vitest';
import { createChatClient } from './create-chat-client.js';
import { createLoggerAdvisor } from './logger-advisor.js';
import { redactSecrets } from './redact-secrets.js';
import { toArray } from './__fixtures__/test-tools.js';

const KEY = 'sk-proj-4f9a8b7c6d5e4f3a2b1c';

describe('createLoggerAdvisor', () => {
  it('logs metadata only by default, for call and stream', async () => {
    const lines: string[] = [];
    const model = new MockChatModel({
      defaultReply: { text: 'Secret answer', usage: { promptTokens: 4, completionTokens: 2 } },
    });
    const client = createChatClient(model, {
      advisors: [createLoggerAdvisor({ log: (line) => lines.push(line) })],
    });
    await client.prompt('private question').call();
    await toArray(client.prompt('private question').stream());
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('chat request provider=mock model=mock-model messages=1 tools=0');
    expect(lines[1]).toMatch(
      /^chat response provider=mock model=mock-model finish=stop tokens=4\/2\/6 durationMs=\d+$/,
    );
    expect(lines[3]).toMatch(/^chat response .* tokens=4\/2\/6 /);
    expect(lines.join('\n')).not.toContain('private question');
    expect(lines.join('\n')).not.toContain('Secret answer');
  });

  it('logs content when asked, and never a key', async () => {
    const lines: string[] = [];
    const model = new MockChatModel({ defaultReply: `Use Bearer abc.def-123 and ${KEY}` });
    const logger = createLoggerAdvisor({
      log: (line) => lines.push(line),
      logContent: true,
      redact: (t) => t.replace(/alice/g, '[user]'),
    });
    const client = createChatClient(model, { advisors: [logger] });
    await client
      .prompt(`alice says my key is ${KEY}, api_key=hunter22 and token ${'a1'.repeat(20)}`)
      .call();
    const logged = lines.join('\n');
    expect(logged).toContain(
      'chat prompt [user] [user] says my key is sk-***, api_key=*** and token ***',
    );
    expect(logged).toContain('chat completion Use Bearer *** and sk-***');
    for (const secret of [KEY, 'hunter22', 'abc.def-123', 'alice', 'a1a1a1a1'])
      expect(logged).not.toContain(secret);
  });

  it('logs errors and rethrows them', async () => {
    const lines: string[] = [];
    const model = new MockChatModel({ replies: [new Error(`401 for key ${KEY}`)] });
    const client = createChatClient(model, {
      advisors: [createLoggerAdvisor({ log: (line) => lines.push(line) })],
    });
    await expect(client.prompt('hi').call()).rejects.toThrow('401 for key');
    expect(lines[1]).toMatch(/^chat error Error: 401 for key sk-\*\*\* durationMs=\d+$/);
  });
});

describe('redactSecrets', () => {
  it('masks keys, bearer tokens, api_key parameters and long hex or base64 tokens', () => {
    expect(redactSecrets('Authorization: Bearer eyJhbGciOi.J9')).toBe('Authorization: Bearer ***');
    expect(redactSecrets('https://x.test/v1?apiKey=abc123&q=1')).toBe(
      'https://x.test/v1?apiKey=***&q=1',
    );
    expect(redactSecrets('"api-key": "zzz"')).toBe('"api-key": "***"');
    expect(redactSecrets(`hash ${'0f'.repeat(20)} end`)).toBe('hash *** end');
    expect(redactSecrets('北京今天 21 度, normal words stay')).toBe(
      '北京今天 21 度, normal words stay',
    );
  });
});

describe('createLoggerAdvisor in stream mode', () => {
  it('logs a failed stream and rethrows', async () => {
    const lines: string[] = [];
    const model = new MockChatModel({ replies: [new Error('connection reset')] });
    const client = createChatClient(model, {
      advisors: [createLoggerAdvisor({ log: (line) => lines.push(line) })],
    });
    await expect(toArray(client.prompt('hi').stream())).rejects.toThrow('connection reset');
    expect(lines[1]).toMatch(/^chat error Error: connection reset durationMs=\d+$/);
  });
});
