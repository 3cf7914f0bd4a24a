// Preference (DPO) and prompt–completion files, format detection, and train/validation overlap.
import { Readable } from 'node:stream';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { describe, expect, it } from 'vitest';
import { validateDataset } from './validate-dataset.js';

const source = (...rows: unknown[]) =>
  Readable.from([rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n')]);
const issues = (list: { line: number; code: string; field: string }[]) =>
  list.map((i) => [i.line, i.code, i.field]);

const input = {
  messages: [
    { role: 'system', content: '回答要礼貌。' },
    { role: 'user', content: '帮我写一句问候语。' },
  ],
};
const say = (content: string) => [{ role: 'assistant', content }];
const dpo = (good: string, bad: string) => ({
  input,
  preferred_output: say(good),
  non_preferred_output: say(bad),
});

describe('preference (DPO) files', () => {
  it('detects the format, counts both sequences and reports each bad line', async () => {
    const report = await validateDataset(
      source(
        dpo('您好，祝您今天愉快！', '喂。'),
        dpo('早上好！', '早上好！'),
        { input, preferred_output: [...say('一'), ...say('二')], non_preferred_output: say('三') },
        {
          input,
          preferred_output: [{ role: 'user', content: '你好' }],
          non_preferred_output: say('嗯'),
        },
        { input: { messages: [] }, preferred_output: say('好'), non_preferred_output: say('') },
      ),
    );
    expect(report.format).toBe('dpo');
    expect(issues(report.errors)).toEqual([
      [2, 'dpo_identical_outputs', 'non_preferred_output'],
      [3, 'dpo_output_count', 'preferred_output'],
      [4, 'unrecognized_role', 'preferred_output[0].role'],
      [5, 'missing_messages_list', 'input.messages'],
      [5, 'missing_content', 'non_preferred_output[0].content'],
    ]);
    const prompt =
      3 +
      3 * 2 +
      countTokens('system') +
      countTokens('回答要礼貌。') +
      countTokens('user') +
      countTokens('帮我写一句问候语。');
    const reply = (text: string) => 3 + countTokens('assistant') + countTokens(text);
    const chosen = prompt + reply('您好，祝您今天愉快！');
    const rejected = prompt + reply('喂。');
    expect(report.stats.examples).toBe(1);
    expect(report.stats.tokensPerExample.total).toBe(chosen + rejected);
    expect(report.stats.assistantTokensPerExample.total).toBe(countTokens('您好，祝您今天愉快！'));
    expect(report.stats.roles).toEqual({ system: 1, user: 1, assistant: 2 });
  });
});

describe('prompt–completion files', () => {
  it('checks types and keys, and counts prompt plus completion', async () => {
    const report = await validateDataset(
      source(
        { prompt: '床前明月光，', completion: '疑是地上霜。' },
        { prompt: '举头望明月，', completion: '' },
        { prompt: 3, completion: '低头思故乡。', label: true },
      ),
    );
    expect(report.format).toBe('completion');
    expect(issues(report.errors)).toEqual([
      [2, 'missing_content', 'completion'],
      [3, 'unrecognized_key', 'label'],
      [3, 'invalid_value', 'prompt'],
    ]);
    expect(report.stats.tokensPerExample.total).toBe(
      countTokens('床前明月光，') + countTokens('疑是地上霜。'),
    );
  });

  it('holds a file to the format it was told, not the one it looks like', async () => {
    const report = await validateDataset(source({ prompt: 'a', completion: 'b' }), {
      format: 'sft',
    });
    expect(issues(report.errors)).toEqual([
      [1, 'unrecognized_key', 'prompt'],
      [1, 'unrecognized_key', 'completion'],
      [1, 'missing_messages_list', 'messages'],
    ]);
  });
});

describe('train/validation overlap', () => {
  it('reports validation rows that are also training rows, key order and spacing aside', async () => {
    const row = (q: string, a: string) => ({
      messages: [
        { role: 'user', content: q },
        { role: 'assistant', content: a },
      ],
    });
    const train = source(row('一加一？', '二'), row('二加二？', '四'), row('三加三？', '六'));
    const validation = source(
      row('五加五？', '十'),
      '{ "messages": [ {"content": "二加二？", "role": "user"}, {"role": "assistant", "content": "四"} ] }',
      '{"messages":[{"role":"user","content":"三加三？"},{"role":"assistant","content":"六"}]}',
    );
    const report = await validateDataset(train, { validation });
    expect(report.validation?.overlap).toBe(2);
    const overlaps = report.validation?.warnings.filter(
      (w) => w.code === 'train_validation_overlap',
    );
    expect(overlaps?.map((w) => [w.line, w.reason])).toEqual([
      [2, 'also line 2 of the training file'],
      [3, 'also line 3 of the training file'],
    ]);
    expect(report.ok).toBe(true);
    expect(report.validation?.stats.examples).toBe(3);
  });

  it('fails the whole report when the validation file has errors', async () => {
    const report = await validateDataset(source({ prompt: 'a', completion: 'b' }), {
      validation: source({ prompt: 'c' }),
    });
    expect(report.validation?.format).toBe('completion');
    expect(report.validation?.errors.map((e) => [e.line, e.code])).toEqual([
      [1, 'missing_content'],
    ]);
    expect(report.ok).toBe(false);
  });
});
