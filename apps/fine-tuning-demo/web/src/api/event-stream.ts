// Server-sent events from the app (a job's status and metrics, a compare's progress) through
// EventSource: one handler per named event; the stream closes after `done` or on an error, and
// the caller decides whether to reload (the job routes replay what is known on reconnect).
import { API } from './client.js';

export type Handlers = Record<string, (data: unknown) => void> & { error?: () => void };

/** Starts listening; the returned function stops. */
export function watchEvents(path: string, handlers: Handlers): () => void {
  const source = new EventSource(API + path);
  for (const [name, handler] of Object.entries(handlers)) {
    if (name === 'error') continue;
    source.addEventListener(name, (event) => {
      if (name === 'done') source.close();
      handler(JSON.parse((event as MessageEvent<string>).data) as unknown);
    });
  }
  source.addEventListener('error', () => {
    if (source.readyState === EventSource.CLOSED) return;
    source.close();
    handlers.error?.();
  });
  return () => source.close();
}
