import { InvalidInputError } from '@repo/core';
import type { CanonicalRecord } from '../formats.js';
import { describe, expect, it } from 'vitest';
import { collect, DPO_ROW, SFT_ROW, TOOL_ROW } from './__fixtures__/rows.js';
import { convertLine, convertLines, readRow, writeRow } from './convert-rows.js';

describe('OpenAI ⇄ LLaMA-Factory alpaca', () => {
  it('expands history into the earlier turns and joins instruction and input with a newline', () => {
    const row = {
      instruction: '把下面的句子翻译成英文。',
      input: '今天天气很好。',
      output: 'The weather is nice today.',
      system: '你是翻译。',
      history: [
        ['你好', '你好！有什么可以帮你？'],
        ['你会翻译吗？', '会的。'],
      ],
    };
    expect(JSON.parse(convertLine(JSON.stringify(row), { from: 'alpaca', to: 'openai' }))).toEqual({
      messages: [
        { role: 'system', content: '你是翻译。' },
        { role: 'user', content: '你好' },
        { role: 'assistant', content: '你好！有什么可以帮你？' },
        { role: 'user', content: '你会翻译吗？' },
        { role: 'assistant', content: '会的。' },
        { role: 'user', content: '把下面的句子翻译成英文。\n今天天气很好。' },
        { role: 'assistant', content: 'The weather is nice today.' },
      ],
    });
    expect(readRow('alpaca', { instruction: '你好', input: '', output: '你好！' })).toEqual({
      kind: 'conversation',
      messages: [
        { role: 'user', content: '你好' },
        { role: 'assistant', content: '你好！' },
      ],
    });
  });

  it('writes a multi-turn conversation with history and reads it back unchanged', () => {
    const alpaca = convertLine(JSON.stringify(SFT_ROW), { from: 'openai', to: 'alpaca' });
    expect(JSON.parse(alpaca)).toEqual({
      instruction: '再用一句话解释它。',
      system: '你是一位严谨的中文助教。',
      history: [['“机器学习”用英文怎么说？', 'Machine learning。']],
      output: '让计算机从数据中学习规律，而不是逐条编写规则。',
    });
    expect(convertLine(alpaca, { from: 'alpaca', to: 'openai' })).toBe(JSON.stringify(SFT_ROW));
  });

  it('writes single-turn preference and KTO rows', () => {
    expect(
      JSON.parse(convertLine(JSON.stringify(DPO_ROW), { from: 'openai', to: 'alpaca' })),
    ).toEqual({
      instruction: '北京是哪个国家的首都？',
      system: '回答要简洁。',
      chosen: '中国。',
      rejected: '北京是日本的首都。',
    });
    const kto: CanonicalRecord = {
      kind: 'binary',
      prompt: [{ role: 'user', content: '地球是圆的吗？' }],
      completion: { role: 'assistant', content: '是的。' },
      label: true,
    };
    expect(writeRow('alpaca', kto)).toEqual({
      instruction: '地球是圆的吗？',
      output: '是的。',
      kto_tag: true,
    });
    expect(readRow('alpaca', writeRow('alpaca', kto))).toEqual(kto);
  });

  it('refuses tool calls and multi-turn preferences, naming the line and the reason', async () => {
    const lines = [JSON.stringify(SFT_ROW), JSON.stringify({ ...TOOL_ROW, tools: undefined })];
    const error = await collect(convertLines(lines, { from: 'openai', to: 'alpaca' })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).details).toEqual([
      {
        field: 'line 2: messages[2]',
        reason:
          'is a tool call or tool result: cannot be represented in alpaca (no function_call or observation turns); write sharegpt',
      },
    ]);
    expect(() =>
      convertLine(JSON.stringify(TOOL_ROW), { from: 'openai', to: 'alpaca', line: 4 }),
    ).toThrow('Line 4: tools cannot be represented in alpaca (no tools column); write sharegpt');
    const multiTurn = {
      ...DPO_ROW,
      input: {
        messages: [...SFT_ROW.messages.slice(0, 3), { role: 'user', content: '再说一遍？' }],
      },
    };
    expect(() =>
      convertLine(JSON.stringify(multiTurn), { from: 'openai', to: 'alpaca', line: 8 }),
    ).toThrow(
      'Line 8: prompt is multi-turn (2 user turns); alpaca preference and KTO rows have no history: write sharegpt',
    );
  });
});
