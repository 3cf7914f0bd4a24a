// The steps routes' refusals: every decision problem named in one 400, unknown conversations
// (404), calls still waiting or a request already in flight (409), DELETE, a failed model turn
// that can be retried, and the store's bound on conversations.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { useTestApp } from './create-test-app.js';

const t = useTestApp({ STEPS_MAX_CONVERSATIONS: '3' });

const server = () => t.app.getHttpServer();

describe('/api/tools/steps refusals', () => {
  it('names unknown, duplicate and missing decisions in one 400, and changes nothing', async () => {
    await t.post('/api/tools/steps', {
      conversationId: 'bad-1',
      message: 'What is the weather in Paris and London?',
    });
    const res = await t.post('/api/tools/steps/bad-1', {
      results: [
        { toolCallId: 'call_1', execute: true },
        { toolCallId: 'call_1', decline: true },
        { toolCallId: 'call_9', execute: true },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([
      { field: 'results[1].toolCallId', reason: 'is decided twice' },
      {
        field: 'results[2].toolCallId',
        reason: 'is not a pending tool call (pending: call_1, call_2)',
      },
      {
        field: 'results',
        reason: 'has no decision for call_2 (getCurrentWeather {"city":"London"})',
      },
    ]);
    const view = await request(server()).get('/api/tools/steps/bad-1');
    expect(view.body.toolCalls.map((c: { id: string }) => c.id)).toEqual(['call_1', 'call_2']);
  });

  it.each([
    [
      'no decision kind',
      [{ toolCallId: 'call_1' }],
      'results[0]',
      'must have exactly one of result, execute, decline',
    ],
    [
      'two kinds',
      [{ toolCallId: 'call_1', execute: true, result: 1 }],
      'results[0]',
      'must have exactly one of result, execute, decline (got result, execute)',
    ],
    [
      'execute: false',
      [{ toolCallId: 'call_1', execute: false }],
      'results[0].execute',
      'must be true',
    ],
    ['no results', [], 'results', 'must not be empty'],
  ])('%s → 400 naming %s', async (_name, results, field, reason) => {
    const res = await t.post('/api/tools/steps/any-1', { results });
    expect(res.status).toBe(400);
    expect(res.body.details).toContainEqual({ field, reason });
  });

  it('unknown conversation → 404; a bad id → 400; decisions without pending calls → 409', async () => {
    const unknown = await t.post('/api/tools/steps/nope', {
      results: [{ toolCallId: 'call_1', execute: true }],
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Conversation "nope" not found: unknown, or forgotten after 30 minutes without use',
      details: [{ field: 'conversationId', reason: 'is not a known conversation' }],
    });
    const badId = await t.post('/api/tools/steps', { conversationId: 'no spaces', message: 'Hi' });
    expect(badId.body.details).toEqual([
      { field: 'conversationId', reason: 'must be 1-64 letters, digits, "_" or "-"' },
    ]);
    await t.post('/api/tools/steps', { conversationId: 'chat-1', message: 'Hello!' });
    const nothing = await t.post('/api/tools/steps/chat-1', {
      results: [{ toolCallId: 'call_1', execute: true }],
    });
    expect(nothing.status).toBe(409);
  });

  it('a new message while calls wait is a 409 naming them', async () => {
    await t.post('/api/tools/steps', { conversationId: 'wait-1', message: 'Weather in Paris?' });
    const res = await t.post('/api/tools/steps', { conversationId: 'wait-1', message: 'Hello?' });
    expect(res.status).toBe(409);
    expect(res.body.message).toBe(
      'Conversation "wait-1" still waits for decisions on call_1; send them to POST /api/tools/steps/wait-1 first',
    );
  });

  it('DELETE forgets a conversation', async () => {
    await t.post('/api/tools/steps', { conversationId: 'gone-1', message: 'Hello!' });
    expect((await request(server()).delete('/api/tools/steps/gone-1')).status).toBe(204);
    expect((await request(server()).get('/api/tools/steps/gone-1')).status).toBe(404);
    expect((await request(server()).delete('/api/tools/steps/gone-1')).status).toBe(404);
  });

  it('a model failure leaves the conversation as it was, so the caller can retry', async () => {
    await t.post('/api/tools/steps', { conversationId: 'retry-1', message: 'Weather in Paris?' });
    t.llm.script([{ error: { status: 503, message: 'overloaded' } }]);
    const failed = await t.post('/api/tools/steps/retry-1', {
      results: [{ toolCallId: 'call_1', execute: true }],
    });
    expect(failed.status).toBe(502);
    const retried = await t.post('/api/tools/steps/retry-1', {
      results: [{ toolCallId: 'call_1', execute: true }],
    });
    expect(retried.body.status).toBe('answered');
  });

  it('a second request on a conversation already in flight is a 409', async () => {
    await t.post('/api/tools/steps', { conversationId: 'busy-1', message: 'Weather in Paris?' });
    t.llm.faults({ latencyMs: 300, times: 1 });
    const decide = () =>
      t.post('/api/tools/steps/busy-1', { results: [{ toolCallId: 'call_1', execute: true }] });
    const statuses = (await Promise.all([decide(), decide()])).map((res) => res.status);
    expect(statuses.sort()).toEqual([200, 409]);
    expect(t.sent()).toHaveLength(2);
  });

  it('beyond STEPS_MAX_CONVERSATIONS the least recently used conversation is forgotten', async () => {
    for (const id of ['lru-1', 'lru-2', 'lru-3'])
      await t.post('/api/tools/steps', { conversationId: id, message: 'Hello!' });
    await request(server()).get('/api/tools/steps/lru-1'); // a use: lru-2 is now the oldest
    await t.post('/api/tools/steps', { conversationId: 'lru-4', message: 'Hello!' });
    const statuses = await Promise.all(
      ['lru-1', 'lru-2', 'lru-3', 'lru-4'].map(
        async (id) => (await request(server()).get(`/api/tools/steps/${id}`)).status,
      ),
    );
    expect(statuses).toEqual([200, 404, 200, 200]);
  });

  it('a conversation of 200 messages takes no more (409): one conversation cannot grow forever', async () => {
    // Each plain exchange adds two messages: the user's and the answer.
    for (let turn = 0; turn < 100; turn++)
      expect(
        (await t.post('/api/tools/steps', { conversationId: 'long-1', message: 'Hi' })).status,
      ).toBe(200);
    const res = await t.post('/api/tools/steps', { conversationId: 'long-1', message: 'Hi' });
    expect(res.status).toBe(409);
    expect(res.body.message).toBe('Conversation "long-1" is full (200 messages); start a new one');
  });
});
