// The seed's flow: one model answers, the relevancy judge grades (here both the embedded model, so
// the judge's documented offline heuristic answers and says so), plus /health and /docs.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { localLlmOf } from '@repo/nest/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './create-test-app.js';

const MING = '明朝从1368年延续到1644年，共有十六位皇帝。开国皇帝是朱元璋。';
const LOCAL_JUDGE = { provider: 'local', model: 'local', heuristic: true };

let app: NestExpressApplication;
beforeAll(async () => (app = await createTestApp()));
afterAll(async () => {
  await app.close();
});

const judge = (body: object) => request(app.getHttpServer()).post('/api/eval/relevancy').send(body);

describe('POST /api/eval/relevancy', () => {
  it("answers the seed's question with the chat model, then judges it (no context, as in the seed)", async () => {
    const res = await judge({ question: '明朝有多少位皇帝？' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      question: '明朝有多少位皇帝？',
      answer: '[local-llm] 这是离线本地模型。你说的是：“明朝有多少位皇帝？”',
      pass: true,
      score: 1,
      feedback:
        'Heuristic (no judge model): 8 of 8 content words of the question appear in the response (no context given) (score 1, pass at 0.5).',
      method: 'heuristic',
      answeredBy: { provider: 'local', model: 'local' },
      judge: LOCAL_JUDGE,
    });
    // The seed sends the bare question, with no system prompt.
    const sent = localLlmOf(app)
      .requests()
      .filter((r) => r.path === '/v1/chat/completions')
      .at(-1)?.body as { messages: Array<{ role: string; content: string }> };
    expect(sent.messages).toEqual([{ role: 'user', content: '明朝有多少位皇帝？' }]);
  });

  it('with a context, the answer comes from it and the judge checks it stays within it', async () => {
    const res = await judge({ question: '明朝有多少位皇帝？', context: [MING] });
    expect(res.body).toMatchObject({
      answer: '根据上下文：明朝从1368年延续到1644年，共有十六位皇帝。',
      pass: true,
      score: 1,
      method: 'heuristic',
      answeredBy: { provider: 'local', model: 'local' },
    });
    expect(res.body.feedback).toContain(
      '16 of 16 content words of the response appear in the context',
    );
    const sent = localLlmOf(app).requests().at(-1)?.body as {
      messages: Array<{ content: string }>;
    };
    expect(sent.messages[0]?.content).toContain(`Context:\n${MING}`);
  });

  it('judges a given answer without calling the chat model: a relevant one passes, an unrelated one fails', async () => {
    const before = localLlmOf(app).requests().length;
    const good = await judge({
      question: '明朝有多少位皇帝？',
      context: [MING],
      answer: '明朝共有十六位皇帝。',
    });
    expect(good.body).toMatchObject({
      answer: '明朝共有十六位皇帝。',
      pass: true,
      score: 1,
      answeredBy: null,
      judge: LOCAL_JUDGE,
    });
    const bad = await judge({
      question: 'How tall is the Eiffel Tower?',
      context: ['The Eiffel Tower is 330 metres tall.'],
      answer: 'Bananas are rich in potassium.',
    });
    expect(bad.body).toMatchObject({
      pass: false,
      score: 0,
      method: 'heuristic',
      answeredBy: null,
    });
    expect(localLlmOf(app).requests().length).toBe(before);
  });

  it.each([
    [{ question: '' }, 'question', 'must not be empty'],
    [{ question: '   ' }, 'question', 'must not be empty'],
    [{}, 'question', 'is required'],
    [{ question: 'x'.repeat(4001) }, 'question', 'must have at most 4000 characters'],
    [{ question: 'q', context: Array(21).fill('doc') }, 'context', 'must have at most 20 items'],
    [
      { question: 'q', context: 'not a list' },
      'context',
      'must be an array, not the string "not a list"',
    ],
    [{ question: 'q', judge: 'deepseek' }, 'judge', 'is not an accepted field'],
  ])('%j is a 400 naming %s', async (body, field, reason) => {
    const res = await judge(body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(res.body.details).toContainEqual({ field, reason });
  });
});

describe('ops endpoints', () => {
  it('/health reports the model and the run store', async () => {
    const res = await request(app.getHttpServer()).get('/health');
    expect(res.status).toBe(200);
    expect(res.body.info).toEqual({
      ai: {
        status: 'up',
        provider: 'local',
        model: 'local',
        embeddingProvider: 'local',
        configuredProviders: ['local'],
        checked: 'config',
      },
      runs: { status: 'up', running: 0 },
    });
  });

  it('/docs serves the Swagger UI and its OpenAPI document lists the routes', async () => {
    const ui = await request(app.getHttpServer()).get('/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger-ui');
    const spec = await request(app.getHttpServer()).get('/docs-json');
    expect(Object.keys(spec.body.paths).sort()).toEqual([
      '/api/eval/compare',
      '/api/eval/relevancy',
      '/api/eval/runs',
      '/api/eval/runs/{id}',
      '/api/eval/runs/{id}/cancel',
      '/api/eval/runs/{id}/events',
      '/api/eval/runs/{id}/report.html',
      '/api/eval/suites',
      '/health',
    ]);
  });
});
