// Admission control for the whole app: at most HTTP_MAX_IN_FLIGHT requests are handled at once,
// at most HTTP_MAX_QUEUED more wait their turn (in arrival order), and the next one is answered
// at once with 429 and Retry-After, so clients back off instead of timing out while work piles
// up. A request holds its slot until its response ends or its client leaves (a chat stream holds
// it while it streams); a client that leaves while waiting gives its place up. /health, /metrics
// and /docs are never queued: they must answer while the app is overloaded; nor are progress
// streams (…/events).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createWorkQueue, OverloadedError, type WorkQueue } from '@repo/core';
import { sendErrorBody } from './send-error-body.js';

export interface AdmissionOptions {
  maxInFlight: number;
  maxQueued: number;
  /** Path prefixes admitted without a slot. */
  exempt: readonly string[];
}

type Next = (error?: unknown) => void;

export interface RequestAdmission {
  (req: IncomingMessage & { path?: string }, res: ServerResponse, next: Next): void;
  /** The queue behind it (its running and queued counts). */
  queue: WorkQueue;
}

/**
 * Progress streams (`…/events`: an ingest job's, an eval run's) are never queued either: they
 * watch work that already holds its own slot in its own queue, and could last minutes.
 */
export function isUnqueuedPath(path: string, exempt: readonly string[]): boolean {
  return path.endsWith('/events') || isExemptPath(path, exempt);
}

/** `path` is one of the prefixes or under one (`/docs`, `/docs/x`, `/docs-json`). */
export function isExemptPath(path: string, exempt: readonly string[]): boolean {
  for (const prefix of exempt) {
    if (!path.startsWith(prefix)) continue;
    const after = path[prefix.length];
    if (after === undefined || after === '/' || after === '-') return true;
  }
  return false;
}

export function createRequestAdmission(options: AdmissionOptions): RequestAdmission {
  const queue = createWorkQueue({
    concurrency: options.maxInFlight,
    maxQueued: options.maxQueued,
    name: 'requests',
    hint: 'the limits are HTTP_MAX_IN_FLIGHT and HTTP_MAX_QUEUED',
  });
  const admission = ((req, res, next) => {
    if (isUnqueuedPath(req.path ?? req.url ?? '/', options.exempt)) return next();
    const refuse = (error: unknown) => {
      // A client that left while waiting gets nothing; a full queue gets the 429.
      if (error instanceof OverloadedError && !res.headersSent) sendErrorBody(res, error);
    };
    // A free slot: the task starts inside run(), so there is no wait to give up and no need for
    // the AbortController and close listener below (an AbortSignal is not cheap in Node 20, and
    // this is every request that is not queued).
    if (queue.running < queue.concurrency) {
      queue.run(() => holdSlot(res, next)).catch(refuse);
      return;
    }
    const left = new AbortController();
    const onClose = () => left.abort();
    res.once('close', onClose);
    queue
      .run(
        () => {
          res.off('close', onClose);
          return holdSlot(res, next);
        },
        { signal: left.signal },
      )
      .catch((error: unknown) => {
        res.off('close', onClose);
        refuse(error);
      });
  }) as RequestAdmission;
  admission.queue = queue;
  return admission;
}

/** Holds a slot until the response ends or its client leaves; the request goes on a turn later. */
function holdSlot(res: ServerResponse, next: Next): Promise<void> {
  return new Promise<void>((release) => {
    if (res.destroyed || res.writableEnded) return release();
    // `on`, not `once`: a response closes once, and `once` wraps each listener (two objects more
    // per request).
    res.on('close', () => release());
    // One turn of the event loop first: work that never waits (the embedded model, PGlite)
    // would otherwise finish inside the turn that read it, so the requests read together
    // would run one after another, none counted in flight, and none ever refused, while
    // the turn grew long enough to starve /health and new connections.
    setImmediate(next);
  });
}
