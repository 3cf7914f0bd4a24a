// Several named clients in one app with zero ceremony (docs/pain-points.md P1: Spring AI needs
// `spring.ai.chat.client.enabled=false` and hand wiring as soon as two models are on the classpath).
// The source is either a plain record of models or anything shaped like the providers package's
// model registry, matched structurally so this package does not import providers.
import type { ChatModel } from '@repo/core';
import type { ChatClient, ChatClientDefaults } from './chat-client-types.js';
import { UnknownChatClientError } from './chat-errors.js';
import { createChatClient } from './create-chat-client.js';

export interface ChatModelSource {
  chat(name?: string): ChatModel;
  /** The providers registry's configured names; used by `names()` when present. */
  readonly configuredProviders?: readonly string[];
}

export interface ChatClients {
  /** No name: the default model (a record's `default` entry, else its first). Cached per name. */
  get(name?: string): ChatClient;
  names(): string[];
}

export function createChatClients(
  source: ChatModelSource | Record<string, ChatModel>,
  defaults: ChatClientDefaults = {},
): ChatClients {
  const clients = new Map<string, ChatClient>();
  const resolve = isModelSource(source)
    ? (name: string | undefined) => source.chat(name)
    : (name: string | undefined) => {
        const keys = Object.keys(source);
        const key = name ?? ('default' in source ? 'default' : keys[0]);
        const model = key === undefined ? undefined : source[key];
        if (!model) throw new UnknownChatClientError(name ?? 'default', keys);
        return model;
      };
  return {
    get(name) {
      const key = name ?? '';
      let client = clients.get(key);
      if (!client) {
        client = createChatClient(resolve(name), defaults);
        clients.set(key, client);
      }
      return client;
    },
    names() {
      if (!isModelSource(source)) return Object.keys(source);
      return source.configuredProviders
        ? [...source.configuredProviders]
        : [...clients.keys()].filter(Boolean);
    },
  };
}

function isModelSource(
  source: ChatModelSource | Record<string, ChatModel>,
): source is ChatModelSource {
  // A ChatModel has `call`; a registry has `chat` and no `call`.
  return typeof (source as Partial<ChatModelSource>).chat === 'function' && !('call' in source);
}
