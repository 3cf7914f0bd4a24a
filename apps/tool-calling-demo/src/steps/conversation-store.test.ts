// The steps' in-memory store: a conversation unused for the TTL is gone, every use renews it,
// and past the size bound the least recently used one goes first.
import { describe, expect, it } from 'vitest';
import { ConversationStore, type Conversation } from './conversation-store.js';

const conversation = (id: string): Conversation => ({
  id,
  messages: [],
  pending: [],
  tools: undefined,
  context: {},
  nextCallNumber: 1,
});

function storeAt(options: { ttlMs?: number; maxConversations?: number } = {}) {
  const clock = { now: 0 };
  const store = new ConversationStore({
    ttlMs: options.ttlMs ?? 1000,
    maxConversations: options.maxConversations ?? 10,
    now: () => clock.now,
  });
  return { store, clock };
}

describe('ConversationStore', () => {
  it('forgets a conversation unused for the TTL; each use renews it', () => {
    const { store, clock } = storeAt({ ttlMs: 1000 });
    store.save(conversation('a'));
    clock.now = 900;
    expect(store.get('a')?.id).toBe('a');
    clock.now = 1800; // 900 ms after the last use
    expect(store.get('a')?.id).toBe('a');
    clock.now = 2800; // exactly the TTL after the last use
    expect(store.get('a')).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it('drops expired conversations when saving, oldest first', () => {
    const { store, clock } = storeAt({ ttlMs: 1000 });
    store.save(conversation('old'));
    clock.now = 600;
    store.save(conversation('new'));
    clock.now = 1200;
    expect(store.size).toBe(1);
    expect(store.get('new')?.id).toBe('new');
  });

  it('evicts the least recently used beyond maxConversations', () => {
    const { store } = storeAt({ maxConversations: 2 });
    store.save(conversation('a'));
    store.save(conversation('b'));
    store.get('a');
    store.save(conversation('c'));
    expect([store.get('a')?.id, store.get('b')?.id, store.get('c')?.id]).toEqual([
      'a',
      undefined,
      'c',
    ]);
  });

  it('saving replaces the stored conversation; delete says whether there was one', () => {
    const { store } = storeAt();
    store.save(conversation('a'));
    store.save({ ...conversation('a'), nextCallNumber: 5 });
    expect(store.get('a')?.nextCallNumber).toBe(5);
    expect(store.delete('a')).toBe(true);
    expect(store.delete('a')).toBe(false);
  });
});
