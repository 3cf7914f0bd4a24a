import { BadRequestException, ForbiddenException, Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  AbortedError,
  AiError,
  AuthenticationError,
  InvalidInputError,
  OverloadedError,
  ProviderError,
  ProviderUnavailableError,
  RateLimitError,
  TimeoutError,
} from '@repo/core';
import { ProviderNotConfiguredError, UnknownProviderError } from '@repo/providers';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, thrower } from './__fixtures__/test-app.js';

let app: NestExpressApplication;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.close();
});

const body = (statusCode: number, error: string, message: string, details: unknown[] = []) => ({
  statusCode,
  error,
  message,
  details,
});

// Each row: what a route throws → status, body, and the Retry-After header.
const table: Array<[string, unknown, number, object, string | undefined]> = [
  [
    'InvalidInputError',
    new InvalidInputError('Bad message', [{ field: 'message', reason: 'must not be empty' }]),
    400,
    body(400, 'Bad Request', 'Bad message', [{ field: 'message', reason: 'must not be empty' }]),
    undefined,
  ],
  [
    'UnknownProviderError',
    new UnknownProviderError('deepsek', ['deepseek', 'local']),
    400,
    body(400, 'Bad Request', 'Unknown provider "deepsek". Valid providers: deepseek, local.', [
      { field: 'provider', reason: 'must be one of deepseek, local' },
    ]),
    undefined,
  ],
  [
    'ProviderNotConfiguredError',
    new ProviderNotConfiguredError('qwen', ['QWEN_API_KEY']),
    400,
    body(400, 'Bad Request', 'Provider "qwen" is not configured. Set QWEN_API_KEY.', [
      { field: 'provider', reason: 'set QWEN_API_KEY' },
    ]),
    undefined,
  ],
  [
    'BadRequestException (Nest ValidationPipe)',
    new BadRequestException(['message should not be empty']),
    400,
    body(400, 'Bad Request', 'message should not be empty', [
      { field: 'message', reason: 'message should not be empty' },
    ]),
    undefined,
  ],
  [
    'ForbiddenException',
    new ForbiddenException('No.'),
    403,
    body(403, 'Forbidden', 'No.'),
    undefined,
  ],
  [
    'RateLimitError',
    new RateLimitError('429', { provider: 'deepseek', retryAfterMs: 1200 }),
    429,
    {
      ...body(429, 'Too Many Requests', 'The deepseek provider is rate limiting us.'),
      retryAfter: 2,
    },
    '2',
  ],
  [
    'OverloadedError (a full work queue)',
    new OverloadedError('Too many requests at once (4 running, 8 waiting); retry in 3 s.', 2500),
    429,
    {
      ...body(
        429,
        'Too Many Requests',
        'Too many requests at once (4 running, 8 waiting); retry in 3 s.',
      ),
      retryAfter: 3,
    },
    '3',
  ],
  [
    'AuthenticationError',
    new AuthenticationError('401 Incorrect API key provided: sk-abc', { provider: 'deepseek' }),
    502,
    body(
      502,
      'Bad Gateway',
      'The deepseek provider rejected the configured key; check DEEPSEEK_API_KEY.',
    ),
    undefined,
  ],
  [
    'ProviderUnavailableError',
    new ProviderUnavailableError('HTTP 503 from local', { provider: 'local', status: 503 }),
    502,
    body(502, 'Bad Gateway', 'The local provider failed: HTTP 503 from local'),
    undefined,
  ],
  [
    'ProviderError',
    new ProviderError('context too long', { provider: 'qwen', status: 400 }),
    502,
    body(502, 'Bad Gateway', 'The qwen provider failed: context too long'),
    undefined,
  ],
  [
    'TimeoutError',
    new TimeoutError('deepseek did not answer within 5000 ms', 5000),
    504,
    body(504, 'Gateway Timeout', 'deepseek did not answer within 5000 ms'),
    undefined,
  ],
  [
    'a clash with stored data (rag: another embedding size)',
    new AiError('Collection "docs" holds 384-d vectors, but got 1536-d.', {
      code: 'embedding_dimension_mismatch',
      kind: 'conflict',
    }),
    409,
    body(409, 'Conflict', 'Collection "docs" holds 384-d vectors, but got 1536-d.'),
    undefined,
  ],
  [
    'anything else',
    new Error('db password is hunter2'),
    500,
    body(500, 'Internal Server Error', 'Internal server error.'),
    undefined,
  ],
];

describe('AiExceptionFilter', () => {
  it.each(table)('%s → %i', async (_name, error, status, expected, retryAfter) => {
    thrower.error = error;
    const res = await request(app.getHttpServer()).get('/throw');
    expect(res.status).toBe(status);
    expect(res.body).toEqual(expected);
    expect(res.headers['retry-after']).toBe(retryAfter);
  });

  it("logs an unexpected error's kind and frames, never its message, the query or an absolute path", async () => {
    const logged: string[] = [];
    const spy = vi
      .spyOn(Logger.prototype, 'error')
      .mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join('\n')));
    try {
      const database = Object.assign(new Error('value too long'), { code: '22001' });
      thrower.error = new Error(
        'Failed query: insert into "messages" params: 我的银行卡密码是 123456',
        { cause: database },
      );
      const res = await request(app.getHttpServer()).get('/throw?userInput=秘密问题');
      expect(res.status).toBe(500);
      expect(res.body.message).toBe('Internal server error.');
    } finally {
      spy.mockRestore();
    }
    expect(logged).toHaveLength(1);
    const [line] = logged as [string];
    expect(line.split('\n')[0]).toBe('GET /throw failed: Error ← Error[22001]');
    expect(line).toMatch(/at .*ai-exception-filter\.test\.ts:\d+/);
    expect(line).not.toMatch(/密码|123456|秘密|userInput|Failed query/);
    expect(line).not.toContain(process.cwd());
  });

  it('answers nothing to a client that is gone (AbortedError → 499, no body)', async () => {
    thrower.error = new AbortedError();
    const res = await request(app.getHttpServer()).get('/throw');
    expect(res.status).toBe(499);
    expect(res.text).toBe('');
  });

  it('answers JSON even from a route that declared text/plain', async () => {
    thrower.error = new InvalidInputError('Bad input', [{ field: 'userInput', reason: 'empty' }]);
    const res = await request(app.getHttpServer()).get('/plain');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.body.details).toEqual([{ field: 'userInput', reason: 'empty' }]);
  });

  it('maps unknown routes, malformed JSON and oversized bodies', async () => {
    const server = app.getHttpServer();
    const missing = await request(server).get('/nope');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual(body(404, 'Not Found', 'Cannot GET /nope'));

    const malformed = await request(server)
      .post('/echo')
      .set('content-type', 'application/json')
      .send('{"message": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ statusCode: 400, error: 'Bad Request', details: [] });

    const large = await request(server)
      .post('/echo')
      .send({ message: 'x'.repeat(2048) });
    expect(large.status).toBe(413);
    expect(large.body).toEqual(
      body(413, 'Payload Too Large', 'Request body is too large (limit 1024 bytes).'),
    );
  });
});
