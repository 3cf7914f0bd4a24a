// Test helpers for SSE routes: read a streamed body with supertest and split it into events.
import type { IncomingMessage } from 'node:http';
import type request from 'supertest';

type Parser = Extract<Parameters<request.Test['parse']>[0], (res: never, cb: never) => void>;

export interface SseRecord {
  event: string;
  data: unknown;
}

/** supertest `.parse(bufferText)`: the raw body as one string, once the stream ended. */
export const bufferText = ((res: IncomingMessage, callback: (err: null, body: string) => void) => {
  let text = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (text += chunk));
  res.on('end', () => callback(null, text));
}) as unknown as Parser;

export function parseSse(text: string): SseRecord[] {
  return text
    .split('\n\n')
    .map((frame) => frame.trim())
    .filter((frame) => frame.includes('data:'))
    .map((frame) => {
      const lines = frame.split('\n');
      const event = lines.find((l) => l.startsWith('event: '))?.slice(7) ?? 'message';
      const data = lines
        .filter((l) => l.startsWith('data: '))
        .map((l) => l.slice(6))
        .join('\n');
      return { event, data: JSON.parse(data) as unknown };
    });
}
