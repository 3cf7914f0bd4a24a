// Token counts of a clean Chinese SFT file, checked against counts made here independently with
// gpt-tokenizer and the cookbook's formula (3 per message, 1 per name, 3 per conversation).
import { fileURLToPath } from 'node:url';
import { countTokens as o200k } from 'gpt-tokenizer/encoding/o200k_base';
import { countTokens as cl100k } from 'gpt-tokenizer/encoding/cl100k_base';
import { describe, expect, it } from 'vitest';
import { validateDataset } from './validate-dataset.js';

const CLEAN = fileURLToPath(new URL('./__fixtures__/clean-zh.jsonl', import.meta.url));

function expected(count: (text: string) => number) {
  const teacher = count('system') + count('你是一位耐心的中文老师。');
  const row1 =
    3 * 3 +
    3 +
    teacher +
    count('user') +
    count('“画蛇添足”是什么意思？') +
    count('assistant') +
    count('比喻做了多余的事，反而不恰当。');
  const row2 =
    3 * 3 +
    3 +
    teacher +
    count('user') +
    count('小明') +
    1 +
    count('请用“一举两得”造句。') +
    count('assistant') +
    count('骑自行车上班既锻炼身体又节省路费，真是一举两得。');
  const row3 =
    5 * 3 +
    3 +
    count('developer') +
    count('只用一句话回答。') +
    count('user') +
    count('长城有多长？') +
    count('assistant') +
    count('约两万一千公里。') +
    count('user') +
    count('谢谢！') +
    count('assistant') +
    count('不客气。');
  const assistant = [
    count('比喻做了多余的事，反而不恰当。'),
    count('骑自行车上班既锻炼身体又节省路费，真是一举两得。'),
    count('约两万一千公里。') + count('不客气。'),
  ];
  return { rows: [row1, row2, row3], assistant };
}

describe('token statistics of a clean Chinese file', () => {
  it('matches independent o200k_base counts exactly', async () => {
    const report = await validateDataset(CLEAN, { model: 'gpt-4o-mini-2024-07-18' });
    const { rows, assistant } = expected(o200k);
    const sorted = [...rows].sort((a, b) => a - b);
    expect(report.ok).toBe(true);
    expect(report.errors).toEqual([]);
    expect(report.warnings.map((w) => w.code)).toEqual(['too_few_examples']);
    const { stats } = report;
    expect(stats.encoding).toBe('o200k_base');
    expect(stats.contextTokens).toBe(65_536);
    expect(stats.examples).toBe(3);
    expect(stats.tokensPerExample).toMatchObject({
      count: 3,
      total: rows[0]! + rows[1]! + rows[2]!,
      min: sorted[0],
      max: sorted[2],
      p50: sorted[1],
      p95: sorted[1]! + (sorted[2]! - sorted[1]!) * 0.9, // rank 1.9, linear
    });
    expect(stats.assistantTokensPerExample.total).toBe(assistant.reduce((a, b) => a + b));
    expect(stats.billingTokens).toBe(stats.tokensPerExample.total);
    expect(stats.messagesPerExample).toMatchObject({ min: 3, max: 5, p50: 3 });
    expect(stats.roles).toEqual({ system: 2, developer: 1, user: 4, assistant: 4 });
    expect(stats.missingSystem).toBe(0);
    expect(stats.duplicates).toBe(0);
  });

  it('counts with cl100k_base when the model (or the option) says so', async () => {
    const report = await validateDataset(CLEAN, { model: 'gpt-3.5-turbo-0125' });
    expect(report.stats.encoding).toBe('cl100k_base');
    expect(report.stats.tokensPerExample.total).toBe(expected(cl100k).rows.reduce((a, b) => a + b));
    expect(o200k('骑自行车上班既锻炼身体又节省路费')).not.toBe(
      cl100k('骑自行车上班既锻炼身体又节省路费'),
    );
  });

  it('warns (with the line) when an example has no system or user message', async () => {
    const { Readable } = await import('node:stream');
    const lines = [
      '{"messages":[{"role":"user","content":"你好"},{"role":"assistant","content":"你好！"}]}',
      '{"messages":[{"role":"system","content":"简洁"},{"role":"assistant","content":"好的"}]}',
    ];
    const report = await validateDataset(Readable.from([lines.join('\n')]));
    expect(report.warnings.map((w) => [w.line, w.code])).toEqual([
      [1, 'missing_system_message'],
      [2, 'missing_user_message'],
      [0, 'too_few_examples'],
    ]);
    expect(report.ok).toBe(true);
  });
});
