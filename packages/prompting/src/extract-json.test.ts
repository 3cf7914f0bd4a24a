import { describe, expect, it } from 'vitest';
import { extractJson, extractJsonCandidates, stripReasoning } from './index.js';

const value = (text: string) => {
  const result = extractJson(text);
  if (!result.success) throw new Error(`expected success, got ${result.reason}: ${result.message}`);
  return result.value;
};

describe('extractJson', () => {
  it('parses a bare JSON answer, including surrounding whitespace', () => {
    expect(value('  {"actor": "Tom Hanks", "movies": ["Big"]}\n')).toEqual({
      actor: 'Tom Hanks',
      movies: ['Big'],
    });
  });

  it('takes the content of ```json and plain ``` fences', () => {
    expect(value('```json\n{"a": 1}\n```')).toEqual({ a: 1 });
    expect(value('Result:\n```\n[1, 2, 3]\n```\nDone.')).toEqual([1, 2, 3]);
  });

  it('prefers a fenced block over JSON-looking text before it', () => {
    expect(value('The input was {"q": "x"}.\n```json\n{"answer": 42}\n```')).toEqual({
      answer: 42,
    });
  });

  it('ignores preambles and postambles', () => {
    expect(value('Here is the JSON: {"ok": true, "n": 1} Hope this helps!')).toEqual({
      ok: true,
      n: 1,
    });
    expect(value('Sure [as requested]: {"ok": true}')).toEqual({ ok: true });
  });

  it('drops <think> and <thinking> blocks, even when they contain JSON', () => {
    expect(value('<think>Maybe {"actor": "wrong"}?</think>\n{"actor": "right"}')).toEqual({
      actor: 'right',
    });
    expect(value('<thinking>\nplan\n</thinking>```json\n{"a": [1]}\n```')).toEqual({ a: [1] });
    // The provider already removed the opening tag.
    expect(value('reasoning {"x": 0} here</think>{"x": 1}')).toEqual({ x: 1 });
  });

  it('matches braces string-aware: braces and escaped quotes inside strings', () => {
    expect(
      value('Answer: {"code": "if (a) { return \\"}\\"; }", "list": [{"k": "]"}]} end'),
    ).toEqual({
      code: 'if (a) { return "}"; }',
      list: [{ k: ']' }],
    });
  });

  it('returns top-level arrays', () => {
    expect(value('The films are ["Big", "Cast Away"] — enjoy')).toEqual(['Big', 'Cast Away']);
  });

  it('keeps Chinese values and Chinese quotes inside strings as they are', () => {
    expect(value('好的，结果如下：\n{"演员": "周星驰", "note": "他说“你好”"}\n希望有帮助')).toEqual(
      {
        演员: '周星驰',
        note: '他说“你好”',
      },
    );
  });

  it('normalises smart quotes only when the JSON would not parse otherwise', () => {
    const result = extractJson('{“actor”: “Tom Hanks”, “movies”: [“Big”]}');
    expect(result).toEqual({
      success: true,
      value: { actor: 'Tom Hanks', movies: ['Big'] },
      json: '{"actor": "Tom Hanks", "movies": ["Big"]}',
    });
  });

  it('does not return an object nested inside broken JSON', () => {
    const result = extractJson('{"movies": [{"title": "Big"},], "actor": "Tom"}');
    expect(result.success).toBe(false);
    expect(result).toMatchObject({ reason: 'invalid_json' });
  });

  it('returns typed failures for garbage, truncation and empty answers', () => {
    expect(extractJson('I cannot help with that.')).toEqual({
      success: false,
      reason: 'no_json',
      message: 'The answer contains no JSON object or array.',
    });
    expect(extractJson('Sure: {"actor": "Tom", "movies": ["Big",')).toMatchObject({
      success: false,
      reason: 'unterminated',
    });
    expect(extractJson('<think>only thoughts</think>  ')).toMatchObject({
      success: false,
      reason: 'empty',
    });
    const invalid = extractJson("{'single': 'quotes'}");
    expect(invalid).toMatchObject({ success: false, reason: 'invalid_json' });
    expect(invalid.success ? '' : invalid.message).toMatch(/^The answer's JSON is invalid: /);
  });

  it('reports the longest candidate when nothing parses', () => {
    expect(extractJson('See [note]. Then {"a": 1, "b": ')).toMatchObject({
      reason: 'unterminated',
    });
  });
});

describe('extractJsonCandidates', () => {
  it('lists every parseable value, fenced first, without duplicates', () => {
    const { candidates } = extractJsonCandidates('As in [1]:\n```json\n{"a": 1}\n```\n[2]');
    expect(candidates.map((c) => c.value)).toEqual([{ a: 1 }, [1], [2]]);
  });
});

describe('stripReasoning', () => {
  it('removes closed, unclosed and orphan-closed reasoning blocks', () => {
    expect(stripReasoning('<think>a</think>b<THINKING>c</THINKING>d')).toBe('bd');
    expect(stripReasoning('answer <think>cut off')).toBe('answer ');
  });
});
