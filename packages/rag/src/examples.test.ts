import { describe, expect, it } from 'vitest';
import { main as filters } from '../examples/filters.js';
import { main as ingestFolder } from '../examples/ingest-folder.js';
import { main as ownModelRetries } from '../examples/own-model-retries.js';
import { main as quickStart } from '../examples/quick-start.js';

describe('README examples', () => {
  it('quick start: cited answers in English and Chinese on the embedded model', async () => {
    expect(await quickStart()).toEqual({
      added: 4,
      english: 'Based on the context: The Pro plan costs 20 dollars per month.',
      englishCitations: [{ source: 'pricing.pdf', page: 3, score: 0.34 }],
      chinese: '根据上下文：故宫位于北京市中心。',
      chineseCitations: [{ source: 'beijing.md', section: '北京 > 故宫', score: 0.4 }],
      unknown: "I don't know: nothing in the documents answers this question.",
      retrieved: [['pricing.pdf'], ['beijing.md'], []],
      modelCalls: 2,
    });
  }, 30_000);

  it('filters: precedence, CJK keys and values, SQL parameters, an error position', async () => {
    expect(await filters()).toEqual({
      ast: {
        type: 'and',
        left: { type: 'in', key: '作者', values: ['张三', '王五'] },
        right: { type: 'compare', op: '>=', key: 'year', value: 2025 },
      },
      withoutParentheses: ['batching.md', 'serving.md', 'batching-zh.md'],
      withParentheses: ['serving.md', 'batching-zh.md'],
      chinese: ['batching-zh.md', 'quant-zh.md'],
      sql: {
        sql:
          `((COALESCE("metadata" -> $1::text, 'null'::jsonb) = $2::jsonb) AND ` +
          `(CASE WHEN jsonb_typeof(COALESCE("metadata" -> $3::text, 'null'::jsonb)) = 'number' ` +
          `THEN (COALESCE("metadata" -> $4::text, 'null'::jsonb))::numeric >= $5::numeric ELSE false END))`,
        params: ['lang', '"zh"', 'year', 'year', '2025'],
      },
      error: { message: "Invalid filter: Expected '==' at position 5, found '='", position: 5 },
    });
  }, 30_000);

  it('ingest folder: the second run adds nothing, skipped files are listed', async () => {
    const skipped = [
      { source: 'empty.txt', reason: 'it contains no text' },
      { source: 'logo.png', reason: 'unsupported file type' },
    ];
    // No ledger in this example: every file is read each time, and nothing is removed.
    const read6 = { sources: { read: 6, unchanged: 0 }, removed: 0, pruned: [] };
    expect(await ingestFolder()).toEqual({
      first: { documents: 7, chunks: 8, added: 8, unchanged: 0, skipped, tokens: 259, ...read6 },
      second: { documents: 7, chunks: 8, added: 0, unchanged: 8, skipped, tokens: 0, ...read6 },
      phasesOfFirstRun: ['read 6/6', 'split 7/7', 'embed 8/8', 'store 8/8'],
      phasesOfSecondRun: ['read 6/6', 'split 7/7'],
      sameIds: true,
      hit: {
        text: '## 配置\n\n推理服务的配置很简单。设置端口即可。',
        metadata: {
          filename: 'guide.md',
          title: 'Inference Guide',
          tags: ['llm', 'serving'],
          draft: false,
          source: 'guide.md',
          headingPath: ['Guide', '配置'],
          section: 'Guide > 配置',
          chunkIndex: 0,
        },
      },
    });
  }, 30_000);

  it('own model retries: the pipeline sends a batch once; withRetry gets it past two 503s', async () => {
    expect(await ownModelRetries()).toEqual({
      alone: 'HTTP 503',
      aloneRequests: 1,
      wrapped: { added: 1, requests: 3 },
    });
  }, 30_000);
});
