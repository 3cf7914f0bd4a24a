// A campaign's generation in flight, in this process: its abort switch, its progress so far and
// its SSE events. A subscriber gets a `progress` snapshot first (one that connects late still
// knows where generation stands), then one per finished candidate, then `done`, and it ends.
import type { MessageEvent } from '@nestjs/common';
import type { GenerationProgress } from '@repo/feedback';
import { Observable, Subject } from 'rxjs';

export class LiveGeneration {
  private readonly abort = new AbortController();
  private readonly events = new Subject<MessageEvent>();

  constructor(
    readonly campaignId: string,
    private current: GenerationProgress,
  ) {}

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  get progress(): GenerationProgress {
    return { ...this.current };
  }

  cancel(): void {
    this.abort.abort();
  }

  record(progress: GenerationProgress): void {
    this.current = { ...progress };
    this.events.next({ type: 'progress', data: this.progress });
  }

  finish(campaign: unknown): void {
    this.events.next({ type: 'done', data: campaign as object });
    this.events.complete();
  }

  stream(): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) => {
      subscriber.next({ type: 'progress', data: this.progress });
      return this.events.subscribe(subscriber);
    });
  }
}
