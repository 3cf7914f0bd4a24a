import { describe, expect, it } from 'vitest';
import { collect, DPO_ROW, TOOL_ROW, WEATHER_TOOL } from './__fixtures__/rows.js';
import { convertLine, convertLines, readRow, writeRow } from './convert-rows.js';

describe('OpenAI ⇄ LLaMA-Factory sharegpt', () => {
  it('round-trips OpenAI DPO through a sharegpt preference row exactly', async () => {
    const sharegpt = await collect(
      convertLines([JSON.stringify(DPO_ROW)], { from: 'openai', to: 'sharegpt' }),
    );
    expect(sharegpt).toEqual([
      JSON.stringify({
        conversations: [{ from: 'human', value: '北京是哪个国家的首都？' }],
        system: '回答要简洁。',
        chosen: { from: 'gpt', value: '中国。' },
        rejected: { from: 'gpt', value: '北京是日本的首都。' },
      }),
    ]);
    expect(await collect(convertLines(sharegpt, { from: 'sharegpt', to: 'openai' }))).toEqual([
      JSON.stringify(DPO_ROW),
    ]);
  });

  it('writes a tool call as function_call and its result as observation, and reads them back', () => {
    const line = convertLine(JSON.stringify(TOOL_ROW), { from: 'openai', to: 'sharegpt' });
    expect(JSON.parse(line)).toEqual({
      conversations: [
        { from: 'human', value: '上海今天天气怎么样？' },
        { from: 'function_call', value: '{"name":"get_weather","arguments":{"city":"上海"}}' },
        { from: 'observation', value: '{"temperature":22,"condition":"多云"}' },
        { from: 'gpt', value: '上海今天多云，22 度。' },
      ],
      system: '你可以调用工具。',
      tools: JSON.stringify([WEATHER_TOOL.function]),
    });
    expect(convertLine(line, { from: 'sharegpt', to: 'openai' })).toBe(JSON.stringify(TOOL_ROW));
  });

  it("reads LLaMA-Factory's own tool rows: unwrapped tools, arguments as an object, ids numbered", () => {
    const row = {
      conversations: [
        { from: 'human', value: '我出生于1990年5月15日，今天几岁？' },
        {
          from: 'function_call',
          value: '{"name": "calculate_age", "arguments": {"birthdate": "1990-05-15"}}',
        },
        { from: 'observation', value: '{"age": 31}' },
        { from: 'gpt', value: '你今天31岁了。' },
        { from: 'human', value: '再算一次？' },
        {
          from: 'function_call',
          value: '[{"name": "calculate_age", "arguments": {"birthdate": "1990-05-15"}}]',
        },
        { from: 'observation', value: '{"age": 31}' },
        { from: 'gpt', value: '还是31岁。' },
      ],
      tools: '[{"name": "calculate_age", "parameters": {"type": "object"}}]',
    };
    const record = readRow('sharegpt', row);
    expect(record).toMatchObject({
      kind: 'conversation',
      tools: [
        { type: 'function', function: { name: 'calculate_age', parameters: { type: 'object' } } },
      ],
    });
    const messages = record.kind === 'conversation' ? record.messages : [];
    expect(messages[1]).toEqual({
      role: 'assistant',
      tool_calls: [
        {
          id: 'call_1',
          type: 'function',
          function: { name: 'calculate_age', arguments: '{"birthdate":"1990-05-15"}' },
        },
      ],
    });
    expect(messages[2]).toEqual({ role: 'tool', tool_call_id: 'call_1', content: '{"age": 31}' });
    expect(messages[6]).toEqual({ role: 'tool', tool_call_id: 'call_2', content: '{"age": 31}' });
  });

  it('reads and writes KTO rows (kto_tag)', () => {
    const row = {
      conversations: [
        { from: 'human', value: '1+1等于几？' },
        { from: 'gpt', value: '等于3。' },
      ],
      kto_tag: false,
    };
    const record = readRow('sharegpt', row);
    expect(record).toEqual({
      kind: 'binary',
      prompt: [{ role: 'user', content: '1+1等于几？' }],
      completion: { role: 'assistant', content: '等于3。' },
      label: false,
    });
    expect(writeRow('sharegpt', record)).toEqual(row);
  });

  it('refuses what sharegpt cannot hold, naming the line and the reason', () => {
    const call = (id: string) => ({
      id,
      type: 'function',
      function: { name: 'get_weather', arguments: '{"city":"北京"}' },
    });
    const parallel = {
      messages: [
        { role: 'user', content: '北京和上海的天气？' },
        { role: 'assistant', tool_calls: [call('a'), call('b')] },
      ],
    };
    expect(() =>
      convertLine(JSON.stringify(parallel), { from: 'openai', to: 'sharegpt', line: 5 }),
    ).toThrow(
      'Line 5: messages[1].tool_calls holds 2 parallel calls; sharegpt has one observation turn per function_call',
    );
    const twoUsers = {
      messages: [
        { role: 'user', content: '你好' },
        { role: 'user', content: '在吗？' },
      ],
    };
    expect(() =>
      convertLine(JSON.stringify(twoUsers), { from: 'openai', to: 'sharegpt', line: 6 }),
    ).toThrow(
      'Line 6: messages[1] cannot be represented in sharegpt: user/tool turns and assistant turns must alternate (turn 2 would be human)',
    );
    const withText = {
      messages: [
        { role: 'user', content: '天气？' },
        { role: 'assistant', content: '我查一下。', tool_calls: [call('a')] },
      ],
    };
    expect(() => writeRow('sharegpt', readRow('openai', withText), { line: 2 })).toThrow(
      'Line 2: messages[1].content next to tool_calls cannot be represented in sharegpt (a function_call turn has no text)',
    );
    const weighted = {
      messages: [
        { role: 'user', content: '你好' },
        { role: 'assistant', content: '你好！', weight: 0 },
      ],
    };
    expect(() => convertLine(JSON.stringify(weighted), { from: 'openai', to: 'sharegpt' })).toThrow(
      'messages[1].weight 0 cannot be represented in sharegpt (every turn is trained on)',
    );
    const endsWithGpt = {
      conversations: [
        { from: 'human', value: '问' },
        { from: 'gpt', value: '答' },
      ],
      chosen: { from: 'gpt', value: '好' },
      rejected: { from: 'gpt', value: '差' },
    };
    expect(() => readRow('sharegpt', endsWithGpt, { line: 3 })).toThrow(
      'Line 3: conversations of a preference row must end with a human or observation turn',
    );
  });
});
