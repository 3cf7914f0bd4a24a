// Every JSON endpoint against hostile input (@repo/nest/testing's bad-input suite): each sample is
// one valid request; its mutations must never reach a 5xx, invalid ones are 4xx naming the field.
// Uploads (multipart) have their own limits tests (ingest-limits.e2e-spec.ts).
import type { NestExpressApplication } from '@nestjs/platform-express';
import { checkBadInputs, type SampleRequest } from '@repo/nest/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ingestCorpus } from './create-test-app.js';

const NO_JOB = '00000000-0000-4000-8000-000000000000';

const SAMPLES: SampleRequest[] = [
  { method: 'POST', path: '/api/rag/ingest', body: { path: 'faq.json' } },
  {
    method: 'POST',
    path: '/api/rag/search',
    body: { query: '保修多久？', topK: 3, threshold: 0.1, filter: "lang == 'en'" },
  },
  { method: 'POST', path: '/api/rag/ask', body: { question: 'What does error code E7 mean?' } },
  { method: 'GET', path: '/api/rag/ask/stream', query: { question: '谁创立了公司？' } },
  { method: 'GET', path: '/api/rag/chat', query: { userInput: 'Who founded Aurora Robotics?' } },
  { method: 'DELETE', path: '/api/rag/vectors', body: { filter: "source == 'nothing.md'" } },
  { method: 'GET', path: '/api/rag/jobs/:id', params: { id: NO_JOB }, status: 404 },
  { method: 'GET', path: '/api/rag/jobs/:id/events', params: { id: NO_JOB }, status: 404 },
];

let app: NestExpressApplication;
beforeAll(async () => {
  app = await createTestApp();
  await ingestCorpus(app).expect(200);
});
afterAll(() => app.close());

describe('hostile input', () => {
  it('never answers 5xx; invalid requests are 4xx with the field; /health survives', async () => {
    const report = await checkBadInputs(app.getHttpServer(), SAMPLES);
    expect(report.failures).toEqual([]);
    expect(report.sent).toBeGreaterThan(150);
  });
});
