// User-controlled execution end to end on the embedded model: the model's calls come back with
// nothing run; the caller executes one, declines another, supplies a result itself; the model
// answers from them; memory carries into the next message (the seed's UserControlledMemory).
import type { AnyTool } from '@repo/chat';
import request from 'supertest';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ToolCatalog } from '../src/tools/tool-catalog.js';
import { PARIS_WEATHER, useTestApp } from './create-test-app.js';

const t = useTestApp();
const weather = (): AnyTool => t.app.get(ToolCatalog).get('getCurrentWeather');
beforeEach(() => vi.restoreAllMocks());

const server = () => t.app.getHttpServer();

describe('/api/tools/steps', () => {
  it('steps → decide → continue → answer, then a follow-up that remembers', async () => {
    const execute = vi.spyOn(weather(), 'execute');
    const first = await t.post('/api/tools/steps', {
      conversationId: 'trip-1',
      message: 'My name is Li Lei. What is the weather in Paris and London?',
    });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      conversationId: 'trip-1',
      status: 'awaiting-results',
      toolCalls: [
        { id: 'call_1', name: 'getCurrentWeather', arguments: { city: 'Paris' } },
        { id: 'call_2', name: 'getCurrentWeather', arguments: { city: 'London' } },
      ],
      content: '',
      usage: expect.objectContaining({ totalTokens: expect.any(Number) }),
      provider: 'local',
      model: 'local',
    });
    expect(execute).not.toHaveBeenCalled();
    expect(t.sent()).toHaveLength(1);

    const second = await t.post('/api/tools/steps/trip-1', {
      results: [
        { toolCallId: 'call_2', decline: 'London is not on the trip' },
        { toolCallId: 'call_1', execute: true },
      ],
    });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({
      conversationId: 'trip-1',
      status: 'answered',
      toolCalls: [],
      content:
        `Based on the tool results: getCurrentWeather → ${JSON.stringify(PARIS_WEATHER)}; ` +
        'getCurrentWeather → London is not on the trip.',
      results: [
        { toolCallId: 'call_1', name: 'getCurrentWeather', result: PARIS_WEATHER, isError: false },
        {
          toolCallId: 'call_2',
          name: 'getCurrentWeather',
          result: 'London is not on the trip',
          isError: true,
        },
      ],
    });
    expect(execute).toHaveBeenCalledTimes(1);
    // The model got the history with our ids on both sides, results in the calls' order.
    const sent = t.sent()[1]?.messages as Array<Record<string, unknown>>;
    expect(sent.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'tool', 'tool']);
    expect((sent[2]?.tool_calls as Array<{ id: string }>).map((c) => c.id)).toEqual([
      'call_1',
      'call_2',
    ]);
    expect(sent.slice(3).map((m) => m.tool_call_id)).toEqual(['call_1', 'call_2']);

    const third = await t.post('/api/tools/steps', {
      conversationId: 'trip-1',
      message: 'What is my name?',
    });
    expect(third.body).toMatchObject({ status: 'answered', content: 'Your name is Li Lei.' });

    const view = await request(server()).get('/api/tools/steps/trip-1');
    expect(view.body.status).toBe('answered');
    expect(view.body.messages.map((m: { role: string }) => m.role)).toEqual([
      'user',
      'assistant',
      'tool',
      'assistant',
      'user',
      'assistant',
    ]);
  });

  it('a result supplied by the caller is what the model reads; a new message starts at call_1', async () => {
    const start = await t.post('/api/tools/steps', { message: 'What is the weather in Tokyo?' });
    const id = start.body.conversationId as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const mine = { city: 'Tokyo', temperature: 30, unit: 'C', condition: 'Typhoon' };
    const answer = await t.post(`/api/tools/steps/${id}`, {
      results: [{ toolCallId: 'call_1', result: mine }],
    });
    expect(answer.body.content).toBe(
      `Based on the tool results: getCurrentWeather → ${JSON.stringify(mine)}.`,
    );
    const next = await t.post('/api/tools/steps', {
      conversationId: id,
      message: 'What is the weather in Sydney?',
    });
    expect(next.body.toolCalls).toEqual([
      { id: 'call_1', name: 'getCurrentWeather', arguments: { city: 'Sydney' } },
    ]);
    // The earlier exchange's call_1 stays in the history; the model reads the new result.
    const sydney = { city: 'Sydney', temperature: 18, unit: 'C', condition: 'Windy' };
    const again = await t.post(`/api/tools/steps/${id}`, {
      results: [{ toolCallId: 'call_1', result: sydney }],
    });
    expect(again.body).toMatchObject({
      status: 'answered',
      content: `Based on the tool results: getCurrentWeather → ${JSON.stringify(sydney)}.`,
    });
  });

  it('two conversations both start at call_1, and so does the same exchange tried again', async () => {
    const message = 'What is the weather in Paris and London?';
    const calls = [
      { id: 'call_1', name: 'getCurrentWeather', arguments: { city: 'Paris' } },
      { id: 'call_2', name: 'getCurrentWeather', arguments: { city: 'London' } },
    ];
    const a = await t.post('/api/tools/steps', { conversationId: 'try-a', message });
    const b = await t.post('/api/tools/steps', { conversationId: 'try-b', message });
    expect(a.body.toolCalls).toEqual(calls);
    expect(b.body.toolCalls).toEqual(calls);
    // A README reader runs the same curl calls twice on one app: the ids they copy still match.
    const decide = () =>
      t.post('/api/tools/steps/try-a', {
        results: [
          { toolCallId: 'call_1', execute: true },
          { toolCallId: 'call_2', decline: 'not on the trip' },
        ],
      });
    expect((await decide()).body.status).toBe('answered');
    const retry = await t.post('/api/tools/steps', { conversationId: 'try-a', message });
    expect(retry.body.toolCalls).toEqual(calls);
    const again = await decide();
    expect(again.status).toBe(200);
    expect(again.body.results.map((r: { toolCallId: string }) => r.toolCallId)).toEqual([
      'call_1',
      'call_2',
    ]);
  });

  it('a tools subset and tool context are kept with the conversation', async () => {
    await t.post('/api/tools/steps', {
      conversationId: 'orders-1',
      message: 'Show my orders and what is 6 * 8?',
      tools: ['listMyOrders', 'calculate'],
      context: { userId: 'u-7' },
    });
    const res = await t.post('/api/tools/steps/orders-1', {
      results: [
        { toolCallId: 'call_1', execute: true },
        { toolCallId: 'call_2', execute: true },
      ],
    });
    expect(res.body.results.map((r: { result: unknown }) => r.result)).toEqual([
      { orders: [{ order: 'A-1003', item: 'Mechanical keyboard', parcel: 1003 }] },
      { expression: '6 * 8', result: 48 },
    ]);
    expect(JSON.stringify(t.sent())).not.toContain('u-7');
  });

  it('returnDirect: executing a returnDirect call answers without asking the model again', async () => {
    await t.post('/api/tools/steps', { conversationId: 'parcel-1', message: 'Track parcel 1003' });
    const res = await t.post('/api/tools/steps/parcel-1', {
      results: [{ toolCallId: 'call_1', execute: true }],
    });
    expect(res.body).toMatchObject({
      status: 'answered',
      content: 'Parcel 1003: waiting at the Shanghai sorting centre.',
      usage: { promptTokens: 0, completionTokens: 0, totalTokens: 0 },
    });
    expect(t.sent()).toHaveLength(1);
  });
});
