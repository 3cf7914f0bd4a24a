import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidInputError } from '@repo/core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createPromptTemplate,
  loadPromptTemplate,
  systemTemplate,
  TemplateError,
  userTemplate,
} from './index.js';

describe('createPromptTemplate', () => {
  it('renders {name} placeholders and lists the variables once, in order', () => {
    const template = createPromptTemplate('Tell me a {adjective} joke about {topic}. {topic}!');
    expect(template.variables).toEqual(['adjective', 'topic']);
    expect(template.render({ adjective: 'funny', topic: 'cats', extra: 'ignored' })).toBe(
      'Tell me a funny joke about cats. cats!',
    );
  });

  it("renders the seed's promptType 02 (default delimiters) and 03 (< > delimiters) alike", () => {
    const input = '今天天气很好';
    const braces = userTemplate('使用 json 格式输出这段文字： {content}', { content: input });
    const angles = userTemplate(
      '使用 json 格式输出这段文字： <content>',
      { content: input },
      {
        delimiters: ['<', '>'],
      },
    );
    expect(braces).toEqual({
      role: 'user',
      parts: [{ type: 'text', text: '使用 json 格式输出这段文字： 今天天气很好' }],
    });
    expect(angles).toEqual(braces);
  });

  it('leaves braces literal with < > delimiters, and < > literal when not a placeholder', () => {
    const template = createPromptTemplate('if a < b then {"x": <value>} else <a b>', {
      delimiters: ['<', '>'],
    });
    expect(template.variables).toEqual(['value']);
    expect(template.render({ value: 1 })).toBe('if a < b then {"x": 1} else <a b>');
  });

  it('supports multi-character delimiters', () => {
    const template = createPromptTemplate('Hello {{name}}, {literal} {{ spaced }}', {
      delimiters: ['{{', '}}'],
    });
    expect(template.variables).toEqual(['name']);
    expect(template.render({ name: 'Ada' })).toBe('Hello Ada, {literal} {{ spaced }}');
  });

  it('keeps JSON examples and non-identifiers literal', () => {
    const template = createPromptTemplate(
      'Answer like {"a": 1, "b": [1, 2]} or { } or {a b} or {1x} about {topic}',
    );
    expect(template.variables).toEqual(['topic']);
    expect(template.render({ topic: 'x' })).toBe(
      'Answer like {"a": 1, "b": [1, 2]} or { } or {a b} or {1x} about x',
    );
  });

  it('makes \\{ a literal start delimiter, and leaves other backslashes alone', () => {
    const template = createPromptTemplate('Write \\{name} as-is, C:\\path\\ and {name}');
    expect(template.variables).toEqual(['name']);
    expect(template.render({ name: 'Bo' })).toBe('Write {name} as-is, C:\\path\\ and Bo');
    expect(createPromptTemplate('\\<x> <x>', { delimiters: ['<', '>'] }).render({ x: 1 })).toBe(
      '<x> 1',
    );
  });

  it('treats {{name} as a literal brace followed by a placeholder', () => {
    expect(createPromptTemplate('{{name}}').render({ name: 'n' })).toBe('{n}');
  });

  it('names every missing variable in one TemplateError', () => {
    const template = createPromptTemplate('{greeting}, {name}! Today is {day}.');
    const error = catchError(() => template.render({ greeting: 'Hi' }));
    expect(error).toBeInstanceOf(TemplateError);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.message).toBe('Missing template variables: name, day');
    expect(error.details).toEqual([
      { field: 'name', reason: 'is missing' },
      { field: 'day', reason: 'is missing' },
    ]);
    expect(error.code).toBe('template_invalid');
    expect(catchError(() => template.render({})).message).toBe(
      'Missing template variables: greeting, name, day',
    );
  });

  it('stringifies values: objects and arrays as JSON, null, numbers, dates', () => {
    const template = createPromptTemplate('{o} {a} {n} {b} {z} {d}');
    expect(
      template.render({
        o: { city: '北京' },
        a: ['x', 1],
        n: 0,
        b: false,
        z: null,
        d: new Date('2025-01-02T03:04:05Z'),
      }),
    ).toBe('{"city":"北京"} ["x",1] 0 false null 2025-01-02T03:04:05.000Z');
  });

  it('reads dotted names as nested values, preferring an exact key', () => {
    const template = createPromptTemplate('{user.name} from {user.address.city}; {a.b}');
    expect(
      template.render({
        user: { name: 'Li', address: { city: '上海' } },
        'a.b': 'flat',
        a: { b: 'x' },
      }),
    ).toBe('Li from 上海; flat');
    expect(catchError(() => template.render({ user: { name: 'Li' }, a: {} })).details).toEqual([
      { field: 'user.address.city', reason: 'is missing' },
      { field: 'a.b', reason: 'is missing' },
    ]);
  });

  it('uses defaults, overridden by render values', () => {
    const template = createPromptTemplate('{role}: {text}', { defaults: { role: 'assistant' } });
    expect(template.render({ text: 'hi' })).toBe('assistant: hi');
    expect(template.render({ text: 'hi', role: 'user' })).toBe('user: hi');
  });

  it('passes CJK text, emoji and full-width punctuation through untouched', () => {
    const text = '你好，{名字}！请用中文回答：「{question}」😀 {name}';
    const template = createPromptTemplate(text);
    expect(template.variables).toEqual(['question', 'name']);
    expect(template.render({ question: '天空为什么是蓝色的？', name: '小明' })).toBe(
      '你好，{名字}！请用中文回答：「天空为什么是蓝色的？」😀 小明',
    );
  });

  it('builds system and user messages', () => {
    const template = createPromptTemplate('You are {persona}.');
    expect(template.toMessage('system', { persona: 'a poet' })).toEqual({
      role: 'system',
      parts: [{ type: 'text', text: 'You are a poet.' }],
    });
    expect(template.toMessage('user', { persona: 'x' }).role).toBe('user');
    expect(systemTemplate('Documents:\n\n{documents}', { documents: 'doc 1' })).toEqual({
      role: 'system',
      parts: [{ type: 'text', text: 'Documents:\n\ndoc 1' }],
    });
  });

  it('rejects empty or whitespace delimiters', () => {
    const error = catchError(() => createPromptTemplate('x', { delimiters: ['', '}'] }));
    expect(error).toBeInstanceOf(TemplateError);
    expect(error.details).toEqual([
      { field: 'delimiters', reason: 'must be two non-empty strings' },
    ]);
    expect(() => createPromptTemplate('x', { delimiters: ['{ ', '}'] })).toThrow(TemplateError);
  });
});

describe('loadPromptTemplate', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('reads a UTF-8 file (dropping a BOM) and renders it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'prompting-'));
    dirs.push(dir);
    const path = join(dir, 'system.st');
    await writeFile(path, '\uFEFF你是<role>。回答：<question>', 'utf8');
    const template = await loadPromptTemplate(path, { delimiters: ['<', '>'] });
    expect(template.variables).toEqual(['role', 'question']);
    expect(template.render({ role: '助手', question: '1+1' })).toBe('你是助手。回答：1+1');
  });

  it('throws a TemplateError naming the path when the file does not exist', async () => {
    const error = await loadPromptTemplate('/nonexistent/prompt.st').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).details).toEqual([{ field: 'path', reason: 'does not exist' }]);
    expect((error as TemplateError).message).toBe(
      'The prompt template file /nonexistent/prompt.st does not exist.',
    );
  });
});

function catchError(fn: () => unknown): TemplateError {
  try {
    fn();
  } catch (error) {
    return error as TemplateError;
  }
  throw new Error('expected an error');
}
