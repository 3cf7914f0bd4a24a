// A POST that asked for `text/event-stream` (the ingest routes), read to its end and parsed: its
// status, headers and events. A refusal before the stream (400, 413…) keeps its JSON body.
import type { IncomingMessage } from 'node:http';
import { parseSse, type SseRecord } from '@repo/nest/testing';
import type request from 'supertest';

export interface PostedEvents {
  status: number;
  headers: Record<string, string>;
  events: SseRecord[];
  /** The body when it was not a stream (an error answered before the stream). */
  json: unknown;
}

export async function postEvents(test: request.Test): Promise<PostedEvents> {
  const res = await test
    .set('Accept', 'text/event-stream')
    .buffer(true)
    .parse(((stream: IncomingMessage, callback: (error: null, body: string) => void) => {
      let text = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (text += chunk));
      stream.on('end', () => callback(null, text));
    }) as unknown as Parameters<request.Test['parse']>[0]);
  const text = res.body as string;
  const isStream = String(res.headers['content-type']).startsWith('text/event-stream');
  return {
    status: res.status,
    headers: res.headers as Record<string, string>,
    events: isStream ? parseSse(text) : [],
    json: isStream ? undefined : (JSON.parse(text) as unknown),
  };
}
