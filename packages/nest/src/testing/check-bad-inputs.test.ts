import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { mutateRequest } from './bad-input-mutations.js';
import { checkBadInputs } from './check-bad-inputs.js';

const errorBody = (res: ServerResponse, status: number, field: string, reason: string) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      statusCode: status,
      error: 'Bad',
      message: reason,
      details: [{ field, reason }],
    }),
  );
};

/** `/strict` validates like our apps; the others get it wrong in one way each. */
async function handle(req: IncomingMessage, res: ServerResponse) {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  if (req.url === '/health') return void res.end('{"status":"ok"}');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return errorBody(res, 400, 'body', 'is not JSON');
  }
  const message = (body as { message?: unknown } | null)?.message;
  const valid =
    typeof message === 'string' && !message.includes('\0') && !/[\ud800-\udfff]/.test(message);
  if (req.url === '/plain' && !valid) return void res.writeHead(400).end('bad');
  if (req.url === '/other-field' && !valid) return errorBody(res, 400, 'other', 'nope');
  if (req.url === '/missing') return void res.writeHead(404).end();
  if (req.url === '/sloppy') {
    if (typeof message === 'string' && message.includes('\0')) return void res.writeHead(500).end();
    return void res.end('{}');
  }
  if (!valid) return errorBody(res, 400, 'message', 'must be valid text');
  res.end('{}');
}

const server = createServer((req, res) => void handle(req, res));
afterAll(() => new Promise((done) => server.close(done)));

describe('checkBadInputs', () => {
  it('passes an endpoint that refuses bad input properly, and says what it does not check', async () => {
    const sample = { method: 'POST', path: '/strict', body: { message: '你好' } } as const;
    const report = await checkBadInputs(server, [sample]);
    // /strict ignores the charset it was told: the suite says so.
    expect(report.failures).toEqual(['POST /strict · body: utf-16 charset → 200, expected a 4xx']);
    expect(report.sent).toBe(mutateRequest(sample).length + 1);
  });

  it('reports 5xx answers and accepted invalid requests, each by its mutation', async () => {
    const report = await checkBadInputs(server, [
      { method: 'POST', path: '/sloppy', body: { message: 'hi' } },
    ]);
    expect(report.failures).toEqual([
      'POST /sloppy · body: JSON null → 200, expected a 4xx',
      'POST /sloppy · body: a JSON string → 200, expected a 4xx',
      'POST /sloppy · body: nested 70 deep → 200, expected a 4xx',
      'POST /sloppy · body: 2 MB → 200, expected a 4xx',
      'POST /sloppy · body: utf-16 charset → 200, expected a 4xx',
      'POST /sloppy · message: wrong type → 200, expected a 4xx',
      'POST /sloppy · message: nested 70 deep → 200, expected a 4xx',
      'POST /sloppy · message: NUL → 500 ',
      'POST /sloppy · message: lone surrogate → 200, expected a 4xx',
    ]);
  });

  it('reports a refusal without the error body, or one that names another field', async () => {
    const report = await checkBadInputs(server, [
      { method: 'POST', path: '/plain', body: { message: 'hi' } },
      { method: 'POST', path: '/other-field', body: { message: 'hi' } },
      { method: 'POST', path: '/missing', body: { message: 'hi' } },
    ]);
    expect(report.failures).toContain(
      'POST /plain · message: NUL → 400 without a JSON error body: bad',
    );
    expect(report.failures).toContain(
      'POST /other-field · message: NUL → 400 without the field message: {"statusCode":400,"error":"Bad","message":"nope","details":[{"field":"other","reason":"nope"}]}',
    );
    expect(report.failures).toContain('POST /missing · the valid sample itself → 404 ');
  });
});
