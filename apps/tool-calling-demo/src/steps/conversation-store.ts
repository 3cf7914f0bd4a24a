// The user-controlled conversations, in memory (Spring AI's UserControlledMemory kept them in a
// ChatMemory): the history plus the tool calls waiting for the caller's decision. Bounded twice,
// so abandoned conversations cannot grow the process: a conversation unused for `ttlMs` is
// forgotten, and beyond `maxConversations` the least recently used one goes first. A restart
// forgets everything, which suits calls that wait for a human for minutes, not days.
import type { Message, ToolCallPart } from '@repo/core';
import type { ToolName } from '../tools/tool-names.js';

export type ToolContextValues = Record<string, string | number | boolean>;

export interface Conversation {
  id: string;
  messages: readonly Message[];
  /** The calls of the model's last turn still waiting for a decision (empty: it answered). */
  pending: readonly ToolCallPart[];
  /** The tools offered to the model; undefined: every tool. */
  tools: readonly ToolName[] | undefined;
  context: Readonly<ToolContextValues>;
  /** The number the next tool call gets (`call_<n>`): 1 at each new message, then counting up. */
  nextCallNumber: number;
}

export interface ConversationStoreOptions {
  ttlMs: number;
  maxConversations: number;
  now?: () => number;
}

export class ConversationStore {
  // A Map iterates in insertion order; re-inserting on every use keeps the oldest use first.
  private readonly entries = new Map<string, { conversation: Conversation; expiresAt: number }>();
  private readonly now: () => number;

  constructor(private readonly options: ConversationStoreOptions) {
    this.now = options.now ?? Date.now;
  }

  get ttlMs(): number {
    return this.options.ttlMs;
  }

  get size(): number {
    this.dropExpired();
    return this.entries.size;
  }

  /** The conversation, or undefined when unknown or expired; a hit counts as a use. */
  get(id: string): Conversation | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    this.entries.delete(id);
    if (entry.expiresAt <= this.now()) return undefined;
    this.entries.set(id, { ...entry, expiresAt: this.now() + this.options.ttlMs });
    return entry.conversation;
  }

  save(conversation: Conversation): void {
    this.entries.delete(conversation.id);
    this.entries.set(conversation.id, {
      conversation,
      expiresAt: this.now() + this.options.ttlMs,
    });
    this.dropExpired();
    for (const id of this.entries.keys()) {
      if (this.entries.size <= this.options.maxConversations) break;
      this.entries.delete(id);
    }
  }

  delete(id: string): boolean {
    return this.entries.delete(id);
  }

  private dropExpired(): void {
    const now = this.now();
    // Oldest use first, and every use sets the same TTL: stop at the first one still alive.
    for (const [id, entry] of this.entries) {
      if (entry.expiresAt > now) break;
      this.entries.delete(id);
    }
  }
}
