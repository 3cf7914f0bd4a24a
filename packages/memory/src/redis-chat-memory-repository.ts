// Chat memory in Redis (Spring AI 2.0's Redis repository): one list per conversation (RPUSH is
// atomic and returns the new length, so ordinal = list position + 1 with no lock) and a sorted set
// of conversation ids scored by last update. An append is one MULTI (RPUSH + ZADD). System
// messages' ordinals are also kept in a small list, so a window finds the latest system message
// without scanning the conversation.
import { InvalidInputError } from '@repo/core';
import { Redis } from 'ioredis';
import type { ChatMemoryRepository, ConversationSummary } from './chat-memory-repository.js';
import type { RepositoryOptions, StoredMessage } from './chat-memory-repository.js';
import { defineRepository, toStoredMessage } from './define-repository.js';
import type { MessageStore } from './define-repository.js';

export interface RedisChatMemoryRepositoryOptions extends RepositoryOptions {
  /** `redis://host:port/db`; the repository opens the connection and `close()` ends it. */
  url?: string;
  /** An existing ioredis client (shared with the app); `close()` leaves it open. */
  client?: Redis;
  /** Prefix of every key. Default `chat-memory:`. */
  keyPrefix?: string;
}

export const DEFAULT_REDIS_KEY_PREFIX = 'chat-memory:';
const PAGE = 64;
// Runs inside the MULTI, right after the RPUSH: the batch's first ordinal is LLEN - size + 1.
const PUSH_SYSTEM_ORDINALS = `
local first = redis.call('LLEN', KEYS[1]) - tonumber(ARGV[1]) + 1
for i = 2, #ARGV do redis.call('RPUSH', KEYS[2], first + tonumber(ARGV[i])) end
return 0`;

function execResults(results: [Error | null, unknown][] | null): unknown[] {
  if (!results) throw new Error('Redis transaction was discarded');
  return results.map(([error, value]) => {
    if (error) throw error;
    return value;
  });
}

function parse(item: string, ordinal: number): StoredMessage {
  const row = JSON.parse(item) as { r: string; t: number; p: unknown };
  return toStoredMessage(row.r, row.p, ordinal, new Date(row.t));
}

export function createRedisChatMemoryRepository(
  options: RedisChatMemoryRepositoryOptions,
): ChatMemoryRepository {
  if (!options.client && !options.url)
    throw new InvalidInputError('Pass a Redis url or client', [
      { field: 'url', reason: 'is required when no client is given' },
    ]);
  const owned = !options.client;
  const redis = options.client ?? new Redis(options.url as string, { maxRetriesPerRequest: 3 });
  const prefix = options.keyPrefix ?? DEFAULT_REDIS_KEY_PREFIX;
  const conversationsKey = `${prefix}conversations`;
  const messagesKey = (id: string) => `${prefix}messages:${id}`;
  const systemKey = (id: string) => `${prefix}system:${id}`;

  async function loadSystem(conversationId: string, last: number | undefined) {
    const ordinals = await redis.lrange(
      systemKey(conversationId),
      last === undefined ? 0 : -last,
      -1,
    );
    if (ordinals.length === 0) return [];
    const pipeline = redis.pipeline();
    for (const ordinal of ordinals)
      pipeline.lindex(messagesKey(conversationId), Number(ordinal) - 1);
    const items = execResults(await pipeline.exec()) as Array<string | null>;
    return items.flatMap((item, i) => (item ? [parse(item, Number(ordinals[i]))] : []));
  }

  const store: MessageStore = {
    async append(conversationId, batch) {
      const now = Date.now();
      // parts are already JSON: splice them in rather than parse and stringify again.
      const items = batch.map(
        ({ message, partsJson }) =>
          `{"r":${JSON.stringify(message.role)},"t":${now},"p":${partsJson}}`,
      );
      const transaction = redis
        .multi()
        .rpush(messagesKey(conversationId), ...items)
        .zadd(conversationsKey, now, conversationId);
      // System ordinals are only known inside the transaction, hence the small script.
      const systemOffsets = batch.flatMap(({ message }, i) =>
        message.role === 'system' ? [i] : [],
      );
      if (systemOffsets.length > 0)
        transaction.eval(
          PUSH_SYSTEM_ORDINALS,
          2,
          messagesKey(conversationId),
          systemKey(conversationId),
          batch.length,
          ...systemOffsets,
        );
      const [length] = execResults(await transaction.exec()) as [number];
      const first = length - batch.length + 1;
      return batch.map(({ message, partsJson }, i) =>
        toStoredMessage(message.role, JSON.parse(partsJson), first + i, new Date(now)),
      );
    },
    async load(conversationId, { last, roles }) {
      const key = messagesKey(conversationId);
      if (roles?.length === 1 && roles[0] === 'system') return loadSystem(conversationId, last);
      if (!roles) {
        const [length, items] = execResults(
          await redis
            .multi()
            .llen(key)
            .lrange(key, last === undefined ? 0 : -last, -1)
            .exec(),
        ) as [number, string[]];
        const first = length - items.length + 1;
        return items.map((item, i) => parse(item, first + i));
      }
      // Filtered: page back from a fixed length (the list only grows at its tail).
      const length = await redis.llen(key);
      const found: StoredMessage[] = [];
      for (let end = length; end > 0 && (last === undefined || found.length < last);) {
        const start = Math.max(0, end - Math.max(PAGE, (last ?? 0) * 2));
        const items = await redis.lrange(key, start, end - 1);
        for (let i = items.length - 1; i >= 0; i--) {
          const message = parse(items[i] as string, start + i + 1);
          if (roles.includes(message.role) && (last === undefined || found.length < last))
            found.push(message);
        }
        end = start;
      }
      return found.reverse();
    },
    async list() {
      const flat = await redis.zrevrange(conversationsKey, 0, -1, 'WITHSCORES');
      const ids = flat.filter((_, i) => i % 2 === 0);
      const pipeline = redis.pipeline();
      for (const id of ids) pipeline.llen(messagesKey(id));
      const counts = execResults(await pipeline.exec()) as number[];
      return ids.map((id, i): ConversationSummary => ({
        id,
        messageCount: counts[i] ?? 0,
        updatedAt: new Date(Number(flat[i * 2 + 1])),
      }));
    },
    async delete(conversationId) {
      const [deleted] = execResults(
        await redis
          .multi()
          .del(messagesKey(conversationId))
          .del(systemKey(conversationId))
          .zrem(conversationsKey, conversationId)
          .exec(),
      ) as [number, number];
      return deleted > 0;
    },
    exists: async (conversationId) => (await redis.exists(messagesKey(conversationId))) > 0,
    async close() {
      if (owned && redis.status !== 'end') await redis.quit();
    },
  };
  return defineRepository(store, options);
}
