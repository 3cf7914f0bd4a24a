// POST /api/tools/chat/stream: the same loop as SSE; tool rounds show up between the deltas.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { bufferText, parseSse, useTestApp } from './create-test-app.js';

const t = useTestApp();

const stream = (body: unknown) =>
  request(t.app.getHttpServer())
    .post('/api/tools/chat/stream')
    .send(body as object)
    .buffer(true)
    .parse(bufferText);

describe('POST /api/tools/chat/stream', () => {
  it('sends the call, its result, the answer word by word, usage and done', async () => {
    const res = await stream({ message: '北京天气', tools: ['getCurrentWeather'] });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    const events = parseSse(res.body as string);
    const tools = events.filter((e) => e.event === 'tool').map((e) => e.data);
    expect(tools).toEqual([
      { id: expect.any(String), name: 'getCurrentWeather', arguments: { city: '北京' } },
      {
        id: expect.any(String),
        name: 'getCurrentWeather',
        arguments: { city: '北京' },
        result: {
          city: '北京',
          temperature: 18,
          unit: 'C',
          condition: '晴',
          humidity: 35,
          windKph: 12,
        },
      },
    ]);
    const text = events
      .filter((e) => e.event === 'delta')
      .map((e) => (e.data as { text: string }).text)
      .join('');
    expect(text).toBe(
      '根据工具结果：getCurrentWeather → {"city":"北京","temperature":18,"unit":"C","condition":"晴","humidity":35,"windKph":12}。',
    );
    expect(events.slice(-2).map((e) => e.event)).toEqual(['usage', 'done']);
    expect(events.at(-1)?.data).toEqual({
      finishReason: 'stop',
      provider: 'local',
      model: 'local',
    });
    expect(t.llm.requests().map((r) => (r.body as { stream?: boolean }).stream)).toEqual([
      true,
      true,
    ]);
  });

  it('returnDirect works the same in a stream: one request, the result as the text', async () => {
    const events = parseSse((await stream({ message: 'Track parcel 1001' })).body as string);
    const text = events
      .filter((e) => e.event === 'delta')
      .map((e) => (e.data as { text: string }).text);
    expect(text.join('')).toBe(
      'Parcel 1001: delivered on 2025-05-30 at 14:05, signed for at the front desk.',
    );
    expect(t.llm.requests()).toHaveLength(1);
  });

  it('a bad body is a plain 400 before any event', async () => {
    const res = await t.post('/api/tools/chat/stream', { message: '' });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'message', reason: 'must not be empty' }]);
  });
});
