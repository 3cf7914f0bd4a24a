// The answers a feedback advisor is holding until someone judges them: a bounded map, oldest out
// first, each entry dropped after its time to live. Entries hold references to what the request
// already had (messages, options, the response), so keeping one costs a Map insert, not a copy;
// the target is built only when feedback arrives. In memory, per process: a restart or another
// instance behind a load balancer does not see them.
import type { ChatOptions, ChatResponse, Message } from '@repo/core';

export interface PendingTarget {
  prompt: readonly Message[];
  options: ChatOptions | undefined;
  response: ChatResponse;
  createdAt: Date;
}

interface Entry {
  target: PendingTarget;
  expiresAt: number;
}

export interface PendingTargetsOptions {
  maxSize: number;
  ttlMs: number;
  now: () => number;
}

export class PendingTargets {
  // A Map iterates in insertion order, and every entry lives as long: the first is the oldest.
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly options: PendingTargetsOptions) {}

  get size(): number {
    return this.entries.size;
  }

  add(responseId: string, target: PendingTarget): void {
    const now = this.options.now();
    this.dropExpired(now);
    this.entries.delete(responseId);
    this.entries.set(responseId, { target, expiresAt: now + this.options.ttlMs });
    if (this.entries.size > this.options.maxSize) this.dropOldest();
  }

  get(responseId: string): PendingTarget | undefined {
    const entry = this.entries.get(responseId);
    if (!entry) return undefined;
    if (entry.expiresAt > this.options.now()) return entry.target;
    this.entries.delete(responseId);
    return undefined;
  }

  /** Removes the entry only if it still holds this target (a newer answer under the id stays). */
  delete(responseId: string, target: PendingTarget): void {
    if (this.entries.get(responseId)?.target === target) this.entries.delete(responseId);
  }

  clear(): void {
    this.entries.clear();
  }

  private dropExpired(now: number): void {
    for (const [id, entry] of this.entries) {
      if (entry.expiresAt > now) return;
      this.entries.delete(id);
    }
  }

  private dropOldest(): void {
    const oldest = this.entries.keys().next();
    if (!oldest.done) this.entries.delete(oldest.value);
  }
}
