import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { AiExceptionFilter } from './ai-exception-filter.js';
import { configureNestApp, requestQueueOf } from './configure-nest-app.js';
import type { ServerSettings } from './server-config.js';
import { createValidationPipe } from './validation-pipe.js';

/** Requests to /slow wait here until the test opens the gate. */
function createGate() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}
let gate = createGate();
let slowStarted = 0;

@Controller()
class ShellController {
  @Get('health')
  health() {
    return { status: 'ok' };
  }

  @Post('echo')
  echo(@Body() body: unknown) {
    return body;
  }

  /** Holds the event loop 150 ms (a tick due in it is at least 100 ms late), as in-process work does. */
  @Get('spin')
  spin() {
    const until = performance.now() + 150;
    while (performance.now() < until);
    return { spun: true };
  }

  @Get('slow')
  async slow() {
    slowStarted++;
    await gate.promise;
    return { done: true };
  }
}

@Module({
  controllers: [ShellController],
  providers: [
    { provide: APP_FILTER, useClass: AiExceptionFilter },
    { provide: APP_PIPE, useFactory: () => createValidationPipe() },
  ],
})
class ShellModule {}

let app: NestExpressApplication | undefined;

async function start(server: Partial<ServerSettings> = {}, urlencoded = false) {
  const moduleRef = await Test.createTestingModule({ imports: [ShellModule] }).compile();
  app = configureNestApp(
    moduleRef.createNestApplication<NestExpressApplication>({ logger: false }),
    {
      title: 'shell <test>',
      description: 'the app shell',
      server,
      urlencoded,
    },
  );
  await app.init();
  await app.listen(0, '127.0.0.1');
  return app.getHttpServer();
}

afterEach(async () => {
  gate.resolve();
  await app?.close();
  app = undefined;
  gate = createGate();
  slowStarted = 0;
});

describe('configureNestApp', () => {
  it('415 for a JSON body sent without its Content-Type, naming the header to send', async () => {
    const body = JSON.stringify({ messages: [{ role: 'user', content: '你好' }] });
    const expected = (got: string) => ({
      statusCode: 415,
      error: 'Unsupported Media Type',
      message: `Send the body as JSON with the header "Content-Type: application/json" (${got}).`,
      details: [{ field: 'content-type', reason: 'must be application/json' }],
    });
    // curl -d without -H sends a form; fetch() with a string body sends text/plain.
    let server = await start();
    const form = await request(server)
      .post('/echo')
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send(body)
      .expect(415);
    expect(form.body).toEqual(expected('got application/x-www-form-urlencoded'));
    const text = await request(server)
      .post('/echo')
      .set('Content-Type', 'text/plain;charset=UTF-8')
      .send(body)
      .expect(415);
    expect(text.body).toEqual(expected('got text/plain'));
    await request(server).post('/echo').type('json').send(body).expect(201, JSON.parse(body));
    await app?.close();
    // An app that takes forms still takes a real form, but not JSON text posted as one.
    server = await start({}, true);
    await request(server)
      .post('/echo')
      .type('form')
      .send('city=杭州')
      .expect(201, { city: '杭州' });
    const jsonAsForm = await request(server).post('/echo').type('form').send(body).expect(415);
    expect(jsonAsForm.body).toEqual(expected('got application/x-www-form-urlencoded'));
  });

  it('sends the usual security headers on answers, errors and 404s, and no x-powered-by', async () => {
    const server = await start();
    for (const [path, status] of [
      ['/health', 200],
      ['/nowhere', 404],
    ] as const) {
      const response = await request(server).get(path).expect(status);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['content-security-policy']).not.toContain('upgrade-insecure');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['x-powered-by']).toBeUndefined();
      expect(response.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('answers what the HTTP parser refuses (a 20 KB URL, a broken request line) with the error body', async () => {
    const server = await start();
    const long = await request(server)
      .get(`/health?q=${'长'.repeat(3000)}`)
      .expect(431);
    expect(long.body).toEqual({
      statusCode: 431,
      error: 'Request Header Fields Too Large',
      message:
        'Request refused: the URL and headers must fit in 16 KB; send long text in a POST body.',
      details: [
        {
          field: 'request',
          reason: 'the URL and headers must fit in 16 KB; send long text in a POST body',
        },
      ],
    });
    const { port } = server.address() as AddressInfo;
    const raw = await new Promise<string>((resolve) => {
      let text = '';
      const socket = connect(port, '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(raw).toContain('"details":[{"field":"request","reason":"is not a valid HTTP request"}]');
    await request(server).get('/health').expect(200);
  });

  it('serves /docs with no inline script (the CSP allows none)', async () => {
    const server = await start();
    const page = await request(server).get('/docs/').expect(200);
    expect(page.text).toContain('<title>shell &lt;test></title>');
    expect(page.text).not.toMatch(/<script>/);
    expect(page.text).toContain('<script src="/docs/swagger-init.js"></script>');
    const init = await request(server).get('/docs/swagger-init.js').expect(200);
    expect(init.headers['content-type']).toMatch(/^text\/javascript/);
    expect(init.text).toContain("SwaggerUIBundle({ url: '/docs-json'");
  });

  it('with API_TOKEN, answers 401 without the bearer token, except /health and /docs', async () => {
    const token = 'tok-0123456789abcdef';
    const server = await start({ API_TOKEN: token });
    const missing = await request(server).post('/echo').send({ a: '你好' }).expect(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer');
    expect(missing.headers['x-content-type-options']).toBe('nosniff');
    expect(missing.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'This app needs its API token (API_TOKEN) as a bearer token.',
      details: [
        {
          field: 'authorization',
          reason: 'is required: send "Authorization: Bearer <API_TOKEN>"',
        },
      ],
    });
    const wrong = await request(server)
      .post('/echo')
      .set('Authorization', `Bearer ${token}x`)
      .send({})
      .expect(401);
    expect(wrong.body.details[0].reason).toBe('does not hold the right bearer token');
    expect(JSON.stringify(wrong.body)).not.toContain(token);
    await request(server)
      .post('/echo')
      .set('Authorization', `bearer ${token}`)
      .send({ a: '你好' })
      .expect(201, { a: '你好' });
    await request(server).get('/health').expect(200);
    await request(server).get('/docs/').expect(200);
  });

  it('admits HTTP_MAX_IN_FLIGHT at once, queues HTTP_MAX_QUEUED, answers the next 429 + Retry-After', async () => {
    const server = await start({ HTTP_MAX_IN_FLIGHT: 1, HTTP_MAX_QUEUED: 1 });
    const first = request(server)
      .get('/slow')
      .then((r) => r);
    await expect.poll(() => slowStarted).toBe(1);
    const second = request(server)
      .get('/slow')
      .then((r) => r);
    await expect.poll(() => requestQueueOf(app!)?.queued).toBe(1);
    // One runs, one waits: the third is refused at once, with the shared error body.
    const third = await request(server).get('/slow').expect(429);
    expect(third.headers['retry-after']).toBe('1');
    expect(third.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message:
        'Too many requests at once (1 running, 1 waiting); retry in 1 s; the limits are HTTP_MAX_IN_FLIGHT and HTTP_MAX_QUEUED.',
      details: [],
      retryAfter: 1,
    });
    // /health is never queued, nor is a progress stream (…/events; here a 404, but not a 429).
    await request(server).get('/health').expect(200, { status: 'ok' });
    await request(server).get('/api/jobs/1/events').expect(404);
    expect(slowStarted).toBe(1);
    gate.resolve();
    expect((await first).body).toEqual({ done: true });
    expect((await second).body).toEqual({ done: true });
    expect(slowStarted).toBe(2);
  });

  it('starts at 4 in flight, grows while the loop keeps up, and shrinks when work holds the loop', async () => {
    const server = await start({ HTTP_MAX_IN_FLIGHT: 32, HTTP_MAX_QUEUED: 100 });
    const queue = requestQueueOf(app!)!;
    expect(queue.concurrency).toBe(4);
    // Twenty requests that wait without holding the loop (like a hosted model's): all run soon.
    const waiting = Array.from({ length: 20 }, () =>
      request(server)
        .get('/slow')
        .then((r) => r.status),
    );
    await expect.poll(() => slowStarted, { timeout: 10_000 }).toBe(20);
    const grown = queue.concurrency;
    expect(grown).toBeGreaterThanOrEqual(20);
    gate.resolve();
    expect(await Promise.all(waiting)).toEqual(Array(20).fill(200));
    // Requests that hold the loop make the ticks late: the limit comes down.
    for (let i = 0; i < 10 && queue.concurrency >= grown; i++)
      await request(server).get('/spin').expect(200, { spun: true });
    expect(queue.concurrency).toBeLessThan(grown);
  });

  it('gives a waiting place up when its client leaves', async () => {
    const server = await start({ HTTP_MAX_IN_FLIGHT: 1, HTTP_MAX_QUEUED: 1 });
    const first = request(server)
      .get('/slow')
      .then((r) => r);
    await expect.poll(() => slowStarted).toBe(1);
    const queue = requestQueueOf(app!)!;
    const leaving = request(server).get('/slow').timeout(200);
    await expect(leaving).rejects.toThrow(/Timeout/);
    await expect.poll(() => queue.queued).toBe(0);
    // Its place is free again: this one waits instead of being refused.
    const next = request(server)
      .get('/slow')
      .then((r) => r);
    await expect.poll(() => queue.queued).toBe(1);
    gate.resolve();
    expect((await first).status).toBe(200);
    expect((await next).status).toBe(200);
    // The one that left never ran.
    expect(slowStarted).toBe(2);
    expect([queue.running, queue.queued]).toEqual([0, 0]);
  });

  it('refuses a NUL in a path parameter or a lone surrogate in a body with the field, 400', async () => {
    const server = await start();
    const response = await request(server)
      .post('/echo')
      .set('content-type', 'application/json')
      .send('{"messages":[{"content":"\\ud800"}]}')
      .expect(400);
    expect(response.body.details).toEqual([
      {
        field: 'messages[0].content',
        reason: 'must be valid Unicode text (it holds a lone UTF-16 surrogate such as \\ud800)',
      },
    ]);
  });
});
