// The storage port of chat memory (Spring AI's ChatMemoryRepository), append-only: a conversation
// only ever grows, so a crash or a concurrent writer can never lose or reorder what was stored
// (Spring's JDBC repository deleted and re-inserted the whole conversation on every save).
import type { Message, MessageRole } from '@repo/core';

/** A stored message: the core message plus its place in the conversation. */
export type StoredMessage = Message & {
  /** 1, 2, 3… per conversation, in append order. */
  ordinal: number;
  createdAt: Date;
  /** Set when `load` changed the message to repair a dangling tool call (the stored row is untouched). */
  repaired?: true;
};

export interface ConversationSummary {
  id: string;
  messageCount: number;
  updatedAt: Date;
}

export interface LoadOptions {
  /** Only the last N messages (after the `roles` filter). Default: all. */
  last?: number;
  /** Only messages of these roles. Default: every role. */
  roles?: readonly MessageRole[];
  /** Repair dangling tool calls and orphan tool results (default true); false returns rows as stored. */
  repair?: boolean;
}

export interface ChatMemoryRepository {
  /** Validates, then appends atomically; ordinals continue the conversation's count. */
  append(conversationId: string, messages: readonly Message[]): Promise<StoredMessage[]>;
  /** Messages in ordinal order; an unknown conversation gives `[]`. */
  load(conversationId: string, options?: LoadOptions): Promise<StoredMessage[]>;
  /** Every conversation, most recently updated first. */
  list(): Promise<ConversationSummary[]>;
  /** True when the conversation existed. */
  delete(conversationId: string): Promise<boolean>;
  exists(conversationId: string): Promise<boolean>;
  /** Releases what the repository opened itself (a Redis connection it created); a no-op otherwise. */
  close(): Promise<void>;
}

export interface RepositoryOptions {
  /** Largest serialized message (UTF-8 bytes of its JSON). Default 64 KiB. */
  maxMessageBytes?: number;
}

export const DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024;
