// A job being followed in this process: its record so far, every event seen (replayed to a late
// subscriber) and its SSE stream: `status`, `metrics`, `message`, then `done` and the end.
import type { MessageEvent } from '@nestjs/common';
import type { JobEvent } from '@repo/fine-tuning';
import { Observable, Subject } from 'rxjs';
import { metricsOf, toView, type AppJobRecord, type MetricsPoint } from './job-view.js';

export function eventMessage(event: JobEvent): MessageEvent {
  const point = metricsOf(event);
  if (point) return { type: 'metrics', data: point };
  return {
    type: 'message',
    data: {
      level: event.level,
      message: event.message,
      createdAt: new Date(event.createdAt).toISOString(),
    },
  };
}

export class LiveJob {
  readonly abort = new AbortController();
  readonly events: JobEvent[] = [];
  private readonly subject = new Subject<MessageEvent>();

  constructor(public record: AppJobRecord) {}

  get points(): MetricsPoint[] {
    return this.events.flatMap((event) => metricsOf(event) ?? []);
  }

  status(record: AppJobRecord): void {
    this.record = record;
    this.subject.next({ type: 'status', data: toView(record) });
  }

  event(event: JobEvent): void {
    this.events.push(event);
    this.subject.next(eventMessage(event));
  }

  finish(record: AppJobRecord): void {
    this.record = record;
    this.subject.next({ type: 'done', data: toView(record) });
    this.subject.complete();
  }

  stream(): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) => {
      subscriber.next({ type: 'status', data: toView(this.record) });
      for (const event of this.events) subscriber.next(eventMessage(event));
      return this.subject.subscribe(subscriber);
    });
  }
}
