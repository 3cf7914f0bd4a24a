// Retrieval quality on the labelled questions (corpus/questions.json) with the embedded embedder:
// recall@5, the share of questions whose expected file is among the top five hits. Reported, not
// tuned: the embedded embedder is lexical, a hosted one scores differently, so only the run is
// asserted, not the figure.
import { readFileSync } from 'node:fs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ingestCorpus } from './create-test-app.js';

interface LabelledQuestion {
  question: string;
  expectedSource: string;
}

const questions = JSON.parse(
  readFileSync(new URL('../corpus/questions.json', import.meta.url), 'utf8'),
) as LabelledQuestion[];

let app: NestExpressApplication;
beforeAll(async () => {
  app = await createTestApp();
  await ingestCorpus(app);
});
afterAll(async () => {
  await app.close();
});

describe('retrieval quality', () => {
  it('reports recall@5 on the labelled questions', async () => {
    const misses: string[] = [];
    let firsts = 0;
    for (const { question, expectedSource } of questions) {
      const res = await request(app.getHttpServer())
        .post('/api/rag/search')
        .send({ query: question, topK: 5 });
      const sources = (res.body.results as { metadata: { source: string } }[]).map(
        (hit) => hit.metadata.source,
      );
      if (sources[0] === expectedSource) firsts += 1;
      if (!sources.includes(expectedSource)) misses.push(`${question} (${expectedSource})`);
    }
    const recall = (questions.length - misses.length) / questions.length;
    console.log(
      `recall@5 = ${recall.toFixed(3)}, recall@1 = ${(firsts / questions.length).toFixed(3)} ` +
        `on ${questions.length} questions` +
        (misses.length ? `; missed: ${misses.join('; ')}` : ''),
    );
    expect(questions.length).toBeGreaterThanOrEqual(10);
    expect(recall).toBeGreaterThanOrEqual(0);
    expect(recall).toBeLessThanOrEqual(1);
  });
});
