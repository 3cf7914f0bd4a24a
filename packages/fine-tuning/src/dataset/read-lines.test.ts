import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readLines, type RawLine } from './read-lines.js';

async function collect(chunks: (Uint8Array | string)[], maxLineBytes?: number): Promise<RawLine[]> {
  const lines: RawLine[] = [];
  for await (const line of readLines(Readable.from(chunks), { maxLineBytes })) lines.push(line);
  return lines;
}

describe('readLines', () => {
  it('splits on bytes, so a character cut between chunks still decodes', async () => {
    const bytes = Buffer.from('{"a":"你好"}\n{"b":"世界"}');
    const chunks = [...bytes].map((b) => Buffer.from([b])); // one byte per chunk
    const lines = await collect(chunks);
    expect(lines.map((l) => l.text)).toEqual(['{"a":"你好"}', '{"b":"世界"}']);
    expect(lines.map((l) => l.bytes)).toEqual([14, 14]);
  });

  it('strips and reports a BOM and CRLF; keeps blank lines; no phantom last line', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const lines = await collect([Buffer.concat([bom, Buffer.from('{}\r\n\n{"x":1}\n')])]);
    expect(lines).toEqual([
      { line: 1, bytes: 5, text: '{}', bom: true, crlf: true },
      { line: 2, bytes: 0, text: '', bom: false, crlf: false },
      { line: 3, bytes: 7, text: '{"x":1}', bom: false, crlf: false },
    ]);
  });

  it('reports invalid UTF-8 on its own line and carries on', async () => {
    const bad = Buffer.concat([
      Buffer.from('{"t":"'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('"}'),
    ]);
    const lines = await collect([Buffer.from('{"ok":1}\n'), bad, Buffer.from('\n{"ok":2}')]);
    expect(lines.map((l) => [l.line, l.problem ?? l.text])).toEqual([
      [1, '{"ok":1}'],
      [2, 'invalid_utf8'],
      [3, '{"ok":2}'],
    ]);
  });

  it('skips a line over the cap without buffering it, then reads on', async () => {
    const long = 'x'.repeat(10_000);
    const lines = await collect(
      [`{"a":1}\n${long.slice(0, 4000)}`, `${long.slice(4000)}\n{"b":2}\n`],
      1024,
    );
    expect(lines.map((l) => [l.line, l.bytes, l.problem ?? l.text])).toEqual([
      [1, 7, '{"a":1}'],
      [2, 10_000, 'line_too_long'],
      [3, 7, '{"b":2}'],
    ]);
  });

  it('rejects a cap that is not a positive integer', async () => {
    await expect(collect(['{}'], 0)).rejects.toMatchObject({
      details: [{ field: 'maxLineBytes' }],
    });
  });
});
