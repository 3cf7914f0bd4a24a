// A training file with one subtle problem per line, built byte by byte (BOM, CRLF and invalid
// UTF-8 cannot be typed into a .jsonl fixture reliably). EXPECTED lists what each line must
// produce; the test checks that exactly these are found.
import { writeFile } from 'node:fs/promises';

const sys = { role: 'system', content: '你是一个简洁的助手。' };
const user = (content: string) => ({ role: 'user', content });
const bot = (content: string) => ({ role: 'assistant', content });
const row = (...messages: object[]) => JSON.stringify({ messages });
const call = { id: 'call_1', type: 'function', function: { name: 'add', arguments: '{"a":1}' } };
const tools = [{ type: 'function', function: { name: 'add', parameters: { type: 'object' } } }];

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const NOT_UTF8 = Buffer.from([0xc3, 0x28]); // a lead byte followed by '(' instead of a continuation

const LINES: (string | Buffer)[] = [
  /* 1 */ Buffer.concat([BOM, Buffer.from(row(sys, user('1+1?'), bot('2')))]),
  /* 2 */ `${row(sys, user('北京是哪国的首都？'), bot('中国。'))}\r`,
  /* 3 */ '{"messages": [{"role": "user"',
  /* 4 */ JSON.stringify({ messages: [sys, user('hi'), bot('hello')], metadata: { id: 4 } }),
  /* 5 */ row(sys, user('hi'), { role: 'assistant', content: 'ok', thought: 'hmm' }),
  /* 6 */ row(sys, { role: 'human', content: 'hi' }, bot('hello')),
  /* 7 */ row(sys, { content: 'who am I?' }, bot('a user')),
  /* 8 */ row(sys, user('no answer here')),
  /* 9 */ row(sys, user('1+1?'), { role: 'assistant', content: null, tool_calls: [call] }, bot('2')),
  /* 10 */ row(sys, user('1+1?'), { role: 'tool', tool_call_id: 'call_9', content: '2' }, bot('2')),
  /* 11 */ row(sys, user('hi'), { role: 'assistant', content: 'hello', weight: 0.5 }),
  /* 12 */ row(sys, { role: 'user', content: 'hi', weight: 1 }, bot('hello')),
  /* 13 */ row(sys, user('请把这句话重复很多遍。'), bot('这是一句很长的回答。'.repeat(40))),
  /* 14 */ row(sys, user('say something'), bot('')),
  /* 15 */ Buffer.concat([Buffer.from('{"messages":[{"role":"user","content":"caf'), NOT_UTF8, Buffer.from('"}]}')]),
  /* 16 */ '',
  /* 17 */ JSON.stringify({
    messages: [{ content: '你是一个简洁的助手。', role: 'system' }, user('北京是哪国的首都？'), bot('中国。')],
  }), // line 2 again: other key order, LF ending
  /* 18 */ JSON.stringify({
    messages: [
      sys,
      user('1+1?'),
      { role: 'assistant', content: null, tool_calls: [call] },
      { role: 'tool', tool_call_id: 'call_1', content: '2' },
      bot('2'),
    ],
    tools,
    parallel_tool_calls: false,
  }),
  /* 19 */ row(sys, user('再见'), { role: 'assistant', content: '再见！', weight: 1 }),
];

/** The tiny per-example cap the test validates with: line 13 is over it, every other line under. */
export const TINY_CONTEXT = 120;

export const EXPECTED_ERRORS: [number, string][] = [
  [1, 'bom'],
  [3, 'invalid_json'],
  [4, 'unrecognized_key'],
  [5, 'message_unrecognized_key'],
  [6, 'unrecognized_role'],
  [7, 'message_missing_key'],
  [8, 'example_missing_assistant_message'],
  [9, 'tool_call_unanswered'],
  [10, 'tool_result_without_call'],
  [11, 'invalid_weight'],
  [12, 'weight_on_non_assistant'],
  [14, 'missing_content'],
  [15, 'invalid_utf8'],
  [16, 'blank_line'],
];

export const EXPECTED_WARNINGS: [number, string][] = [
  [0, 'too_few_examples'],
  [2, 'crlf_line_endings'],
  [13, 'over_context'],
  [17, 'duplicate_example'],
];

export async function writeSubtleErrors(path: string): Promise<void> {
  const parts = LINES.flatMap((line) => [Buffer.from(line), Buffer.from('\n')]);
  await writeFile(path, Buffer.concat(parts));
}
