// Reads an SSE route as it streams: each complete event goes to `onEvent` the moment it arrives
// (with `stop()` to hang up early), and the promise resolves with the whole text once the stream
// ends or is stopped. @repo/nest/testing's bufferText only hands over the text at the end.
import type { IncomingMessage } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { parseSse, type SseRecord } from '@repo/nest/testing';
import request from 'supertest';

export function readEvents(
  app: NestExpressApplication,
  path: string,
  onEvent: (event: SseRecord, stop: () => void) => void = () => undefined,
): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    request(app.getHttpServer())
      .get(path)
      .buffer(true)
      .parse(((res: IncomingMessage, callback: (error: null, body: string) => void) => {
        let text = '';
        let pending = '';
        let settled = false;
        const finish = () => {
          if (settled) return;
          settled = true;
          callback(null, text);
          resolve(text);
        };
        const stop = () => {
          finish();
          res.destroy();
        };
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          pending += chunk;
          const frames = pending.split('\n\n');
          pending = frames.pop() ?? '';
          for (const frame of frames)
            for (const event of parseSse(`${frame}\n\n`)) if (!settled) onEvent(event, stop);
        });
        res.on('end', finish);
        res.on('close', finish);
      }) as unknown as Parameters<request.Test['parse']>[0])
      .catch((error: unknown) => reject(error as Error));
  });
}
