// Datasets over HTTP: a clean file's report (stats and estimate), a Chinese file's exact token
// counts, a file with many subtle errors reported line by line, feedback-demo's DPO exports (TRL
// converted on upload), and the upload's own refusals (no file, empty, too large, bad field).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bundledSlice,
  createTestApp,
  FINE_TUNING_FIXTURES,
  uploadDataset,
} from './create-test-app.js';
import { FEEDBACK_EXPORTS } from '../../../packages/fine-tuning/src/convert/__fixtures__/feedback-exports.js';
import {
  EXPECTED_ERRORS,
  EXPECTED_WARNINGS,
  writeSubtleErrors,
} from '../../../packages/fine-tuning/src/dataset/__fixtures__/subtle-errors.js';

interface Message {
  role: string;
  content: string;
  name?: string;
}

/** The cookbook's count: 3 per message, 1 per name, 3 per conversation (checked independently). */
function conversationTokens(messages: Message[]): number {
  return messages.reduce(
    (n, m) =>
      n + 3 + countTokens(m.role) + countTokens(m.content) + (m.name ? 1 + countTokens(m.name) : 0),
    3,
  );
}

let app: NestExpressApplication;
beforeAll(async () => (app = await createTestApp({ FINE_TUNING_MAX_UPLOAD_BYTES: '65536' })));
afterAll(() => app?.close());

describe('datasets', () => {
  it('reports a clean SFT file with its statistics and a local estimate', async () => {
    const text = await bundledSlice('sft.jsonl', 40);
    const dataset = await uploadDataset(app, text, 'sft-40.jsonl');
    expect(dataset).toMatchObject({
      filename: 'sft-40.jsonl',
      bytes: Buffer.byteLength(text),
      format: 'sft',
      ok: true,
      source: 'upload',
    });
    // Only warnings: the rows without a system message, each on its own line.
    const rows = text.trim().split('\n');
    const withoutSystem = rows.flatMap((row, i) => (row.includes('"system"') ? [] : [i + 1]));
    expect(dataset.issues.map((issue) => [issue.line, issue.code, issue.severity])).toEqual(
      withoutSystem.map((line) => [line, 'missing_system_message', 'warning']),
    );
    expect(dataset.issuesTotal).toBe(withoutSystem.length);
    expect(dataset.stats.examples).toBe(40);
    // 40 examples × 3 epochs ≥ 100: OpenAI's rule keeps 3 epochs; nothing is over the context.
    expect(dataset.estimate).toMatchObject({ model: 'tiny-gpt', epochs: 3, priceUsd: 0 });
    expect(dataset.stats.tokens.total).toBeGreaterThan(40 * 10);
    expect(dataset.estimate!.billedTokens).toBe(3 * dataset.stats.tokens.total);

    const listed = await request(app.getHttpServer()).get('/api/fine-tuning/datasets');
    expect((listed.body as { data: Array<{ id: string }> }).data[0]!.id).toBe(dataset.id);
    const one = await request(app.getHttpServer()).get(`/api/fine-tuning/datasets/${dataset.id}`);
    expect(one.body).toEqual(dataset);
  });
});

describe('reports', () => {
  it('reports every subtle error with its line; the warnings too', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'ft-demo-'));
    const file = path.join(folder, 'subtle.jsonl');
    await writeSubtleErrors(file);
    const dataset = await uploadDataset(app, await readFile(file), 'subtle.jsonl');
    await rm(folder, { recursive: true, force: true });
    expect(dataset.ok).toBe(false);
    const errors = dataset.issues.filter((issue) => issue.severity === 'error');
    expect(errors.map((issue) => [issue.line, issue.code])).toEqual(EXPECTED_ERRORS);
    const warnings = dataset.issues.filter((issue) => issue.severity === 'warning');
    // Validated at the default context, so line 13 is not over it; the file-wide one has no line.
    const expectedWarnings = EXPECTED_WARNINGS.filter(([, code]) => code !== 'over_context').map(
      ([line, code]) => [line === 0 ? null : line, code],
    );
    expect(warnings.map((issue) => [issue.line, issue.code])).toEqual(
      expect.arrayContaining(expectedWarnings),
    );
    expect(warnings).toHaveLength(expectedWarnings.length);
    expect(dataset.issuesTotal).toBe(EXPECTED_ERRORS.length + expectedWarnings.length);
    expect(dataset.issues.find((issue) => issue.line === 6)).toMatchObject({
      field: 'messages[1].role',
    });
  });

  it('counts the tokens of a Chinese file exactly (o200k_base, the cookbook formula)', async () => {
    const text = await readFile(
      path.join(FINE_TUNING_FIXTURES, 'dataset/__fixtures__/clean-zh.jsonl'),
    );
    const dataset = await uploadDataset(app, text, '中文.jsonl', {
      model: 'gpt-4o-mini-2024-07-18',
    });
    expect(dataset).toMatchObject({ ok: true, format: 'sft', filename: '中文.jsonl' });
    const rows = text
      .toString('utf8')
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { messages: Message[] }).messages);
    const expected = rows.map(conversationTokens);
    expect(dataset.stats.examples).toBe(3);
    expect(dataset.stats.tokens.total).toBe(expected.reduce((a, b) => a + b, 0));
    expect(dataset.stats.tokens.max).toBe(Math.max(...expected));
    const assistant = rows.map((messages) =>
      messages
        .filter((m) => m.role === 'assistant')
        .reduce((n, m) => n + countTokens(m.content), 0),
    );
    expect(dataset.stats.assistantTokens.total).toBe(assistant.reduce((a, b) => a + b, 0));
    // Three examples: the estimate uses OpenAI's rule, min(25, floor(100 / 3)) = 25 epochs.
    expect(dataset.estimate).toMatchObject({
      model: 'gpt-4o-mini-2024-07-18',
      epochs: 25,
      billedTokens: 25 * dataset.stats.tokens.total,
      priceUsd: null,
    });
  });
});

describe("feedback-demo's DPO exports", () => {
  it('takes dpo-openai as it is and converts dpo-trl to OpenAI DPO', async () => {
    const rows = (line: string) => Array.from({ length: 12 }, () => line).join('\n') + '\n';
    const openai = await uploadDataset(
      app,
      rows(FEEDBACK_EXPORTS['dpo-openai']),
      'dpo-openai.jsonl',
    );
    expect(openai).toMatchObject({ format: 'dpo', ok: true, source: 'upload' });
    const trl = await uploadDataset(app, rows(FEEDBACK_EXPORTS['dpo-trl']), 'dpo-trl.jsonl');
    expect(trl).toMatchObject({ format: 'dpo', ok: true, source: 'feedback-dpo-trl converted' });
    expect(trl.stats).toEqual(openai.stats);
  });

  it('reports a TRL row the converter refuses, with its line', async () => {
    const bad = FEEDBACK_EXPORTS['dpo-trl'].replace('"rejected":[', '"rejected":"x","extra":[');
    const text = `${FEEDBACK_EXPORTS['dpo-trl']}\n${bad}\n`;
    const dataset = await uploadDataset(app, text, 'dpo-trl.jsonl');
    expect(dataset).toMatchObject({ ok: false, source: 'upload' });
    expect(dataset.issues.find((issue) => issue.code === 'conversion_failed')).toMatchObject({
      line: 2,
      severity: 'error',
    });
  });
});

describe('upload refusals', () => {
  const post = () => request(app.getHttpServer()).post('/api/fine-tuning/datasets');

  it('400 without a file, for an empty file, a wrong field or an unknown text field', async () => {
    const none = await post().field('model', 'tiny-gpt');
    expect(none.status).toBe(400);
    expect(none.body).toMatchObject({ details: [{ field: 'file' }] });
    const empty = await post().attach('file', Buffer.alloc(0), 'empty.jsonl');
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({
      details: [{ field: 'file', reason: 'must hold at least one JSONL line' }],
    });
    const wrongField = await post().attach('upload', Buffer.from('{}\n'), 'x.jsonl');
    expect(wrongField.status).toBe(400);
    expect(wrongField.body).toMatchObject({ details: [{ field: 'file' }] });
    const unknown = await post()
      .field('colour', 'red')
      .attach('file', Buffer.from('{}\n'), 'x.jsonl');
    expect(unknown.status).toBe(400);
    const badModel = await post()
      .field('model', '../etc')
      .attach('file', Buffer.from('{}\n'), 'x.jsonl');
    expect(badModel.status).toBe(400);
    expect(badModel.body).toMatchObject({ details: [{ field: 'model' }] });
  });

  it('413 naming the limit for a file over FINE_TUNING_MAX_UPLOAD_BYTES; nothing is stored', async () => {
    const before = await request(app.getHttpServer()).get('/api/fine-tuning/datasets');
    const big = Buffer.alloc(70_000, 'a');
    const res = await post().attach('file', big, 'big.jsonl');
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({
      details: [
        { field: 'file', reason: 'must be at most 65536 bytes (FINE_TUNING_MAX_UPLOAD_BYTES)' },
      ],
    });
    const after = await request(app.getHttpServer()).get('/api/fine-tuning/datasets');
    expect(after.body).toEqual(before.body);
  });

  it('404 for an unknown dataset', async () => {
    const res = await request(app.getHttpServer()).get('/api/fine-tuning/datasets/ds-nope');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ details: [{ field: 'id' }] });
  });
});
