import { MockChatModel } from '@repo/core/testing';
import { describe, expect, it } from 'vitest';
import { UnknownChatClientError } from './chat-errors.js';
import { createChatClients } from './create-chat-clients.js';

describe('createChatClients', () => {
  it('serves named clients from a record, with shared defaults, cached per name', async () => {
    const deepseek = new MockChatModel({ provider: 'deepseek', defaultReply: 'from deepseek' });
    const qwen = new MockChatModel({ provider: 'qwen', defaultReply: 'from qwen' });
    const clients = createChatClients({ deepseek, qwen }, { system: 'Be concise.' });

    expect(clients.names()).toEqual(['deepseek', 'qwen']);
    expect((await clients.get('qwen').prompt('who are you?').call()).content).toBe('from qwen');
    expect((await clients.get().prompt('who are you?').call()).content).toBe('from deepseek');
    expect(clients.get('qwen')).toBe(clients.get('qwen'));
    expect(qwen.requests[0]?.messages[0]).toEqual({
      role: 'system',
      parts: [{ type: 'text', text: 'Be concise.' }],
    });
    expect(() => clients.get('openai')).toThrow(UnknownChatClientError);
    expect(() => clients.get('openai')).toThrow(
      'No chat model named "openai". Available: deepseek, qwen',
    );
  });

  it('accepts a model registry shaped like the providers package', async () => {
    const asked: Array<string | undefined> = [];
    const registry = {
      configuredProviders: ['deepseek', 'local'] as const,
      chat(name?: string) {
        asked.push(name);
        return new MockChatModel({
          provider: name ?? 'local',
          defaultReply: `hi from ${name ?? 'default'}`,
        });
      },
    };
    const clients = createChatClients(registry);
    expect((await clients.get('deepseek').prompt('hi').call()).content).toBe('hi from deepseek');
    expect((await clients.get().prompt('hi').call()).content).toBe('hi from default');
    clients.get('deepseek');
    expect(asked).toEqual(['deepseek', undefined]);
    expect(clients.names()).toEqual(['deepseek', 'local']);
  });
});
