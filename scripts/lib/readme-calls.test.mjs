// Unit tests for the pure parts of scripts/check-readme.mjs. Run: node --test scripts/
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  callLabel,
  compareJson,
  compareText,
  isCurlCall,
  maskText,
  maskVolatile,
  normalizeText,
  parseReadme,
  rewritePort,
  silentCurls,
} from './readme-calls.mjs';

/** Build a README from lines (keeps line numbers easy to read in assertions). */
const md = (/** @type {string[]} */ ...lines) => lines.join('\n');

describe('parseReadme', () => {
  it('reads the start comment with ready path and finds call + expected pairs', () => {
    const parsed = parseReadme(
      md(
        '# App', // 1
        '<!-- check-readme start="node bin/local-llm.js serve --port {port}" ready="/health" -->', // 2
        '', // 3
        '```sh', // 4
        'curl -s localhost:3000/v1/models', // 5
        '```', // 6
        '', // 7
        '```json', // 8
        '{"object":"list"}', // 9
        '```', // 10
        '```bash', // 11
        'curl -s localhost:3000/hello', // 12
        '```', // 13
        '```text', // 14
        'hello', // 15
        '```', // 16
      ),
    );
    assert.equal(parsed.start, 'node bin/local-llm.js serve --port {port}');
    assert.equal(parsed.ready, '/health');
    assert.equal(parsed.startLine, 2);
    assert.deepEqual(parsed.calls, [
      {
        line: 4,
        endLine: 6,
        command: 'curl -s localhost:3000/v1/models',
        expected: '{"object":"list"}',
        kind: 'json',
        skip: false,
      },
      {
        line: 11,
        endLine: 13,
        command: 'curl -s localhost:3000/hello',
        expected: 'hello',
        kind: 'text',
        skip: false,
      },
    ]);
  });

  it('returns no start when there is no start comment', () => {
    const parsed = parseReadme(
      md('```sh', 'curl -s https://example.com', '```', '```text', 'x', '```'),
    );
    assert.equal(parsed.start, null);
    assert.equal(parsed.ready, null);
    assert.equal(parsed.calls.length, 1);
  });

  it('decodes entities and single quotes in the start attribute', () => {
    const a = parseReadme('<!-- check-readme start="node -e &quot;run()&quot; --port {port}" -->');
    assert.equal(a.start, 'node -e "run()" --port {port}');
    const b = parseReadme(`<!-- check-readme start='node -e "run()"' -->`);
    assert.equal(b.start, 'node -e "run()"');
  });

  it('accepts a start comment spread over several lines', () => {
    const parsed = parseReadme(
      md('<!--', '  check-readme start="npm start"', '  ready="/ok"', '-->'),
    );
    // the comment must begin with `<!-- check-readme` on one line to count as a directive
    assert.equal(parsed.start, null);
    const multi = parseReadme(md('<!-- check-readme', '  start="npm start"', '  ready="/ok" -->'));
    assert.equal(multi.start, 'npm start');
    assert.equal(multi.ready, '/ok');
  });

  it('rejects two start comments and unknown directives', () => {
    assert.throws(
      () => parseReadme(md('<!-- check-readme start="a" -->', '<!-- check-readme start="b" -->')),
      /line 2: second check-readme start comment \(first on line 1\)/,
    );
    assert.throws(
      () => parseReadme('<!-- check-readme skpi -->'),
      /line 1: unknown check-readme comment/,
    );
    assert.throws(
      () => parseReadme('<!-- check-readme start="a" redy="/x" -->'),
      /unknown check-readme attribute\(s\): redy/,
    );
  });

  it('marks a call preceded by the skip comment (blank lines allowed) as skipped', () => {
    const parsed = parseReadme(
      md('<!-- check-readme skip -->', '', '```sh', 'curl -s https://example.com', '```', 'Prose.'),
    );
    assert.equal(parsed.calls.length, 1);
    assert.equal(parsed.calls[0].skip, true);
    assert.equal(parsed.calls[0].error, undefined);
  });

  it('does not skip when prose sits between the skip comment and the block', () => {
    const parsed = parseReadme(
      md('<!-- check-readme skip -->', 'Prose.', '```sh', 'curl x', '```', '```text', 'y', '```'),
    );
    assert.equal(parsed.calls[0].skip, false);
  });

  it('reports a call block without an expected block', () => {
    const parsed = parseReadme(
      md('Intro', '```sh', 'curl -s localhost:3000/x', '```', 'Then prose.'),
    );
    assert.equal(parsed.calls[0].error, 'line 2: curl block has no expected output block');
    assert.equal(parsed.calls[0].expected, null);
  });

  it('needs the expected block immediately after (only blank lines between)', () => {
    const parsed = parseReadme(md('```sh', 'curl x', '```', 'Returns:', '```json', '{}', '```'));
    assert.match(parsed.calls[0].error ?? '', /line 1: curl block has no expected output block/);
    const wrongLang = parseReadme(md('```sh', 'curl x', '```', '```js', '{}', '```'));
    assert.match(wrongLang.calls[0].error ?? '', /no expected output block/);
  });

  it('ignores fences nested in longer fences and ~~~ fences', () => {
    const parsed = parseReadme(
      md(
        '````md', // 1
        '```sh', // 2
        'curl -s localhost:3000/inside-example', // 3
        '```', // 4
        '````', // 5
        '~~~markdown', // 6
        '```bash', // 7
        'curl -s localhost:3000/also-inside', // 8
        '```', // 9
        '~~~', // 10
        '~~~sh', // 11
        'curl -s localhost:3000/real', // 12
        '~~~', // 13
        '', // 14
        '~~~text', // 15
        '```', // 16 (content: a backtick fence inside a tilde block)
        '~~~', // 17
      ),
    );
    assert.equal(parsed.calls.length, 1);
    assert.equal(parsed.calls[0].line, 11);
    assert.equal(parsed.calls[0].command, 'curl -s localhost:3000/real');
    assert.equal(parsed.calls[0].expected, '```');
  });

  it('ignores directives inside fences', () => {
    const parsed = parseReadme(md('```md', '<!-- check-readme start="nope" -->', '```'));
    assert.equal(parsed.start, null);
  });

  it('keeps multi-line curl commands with backslash continuations intact', () => {
    const parsed = parseReadme(
      md(
        '```bash',
        'curl -s http://localhost:3000/v1/chat/completions \\',
        "  -H 'content-type: application/json' \\",
        `  -d '{"model":"local","messages":[{"role":"user","content":"hi"}]}'`,
        '```',
        '',
        '```json',
        '{"object":"chat.completion"}',
        '```',
      ),
    );
    assert.equal(parsed.calls.length, 1);
    assert.equal(
      parsed.calls[0].command,
      [
        'curl -s http://localhost:3000/v1/chat/completions \\',
        "  -H 'content-type: application/json' \\",
        `  -d '{"model":"local","messages":[{"role":"user","content":"hi"}]}'`,
      ].join('\n'),
    );
    assert.equal(
      callLabel(parsed.calls[0].command),
      "curl -s http://localhost:3000/v1/chat/completions -H 'conten…",
    );
  });

  it('only treats sh/bash/shell blocks that run curl as calls', () => {
    const parsed = parseReadme(
      md(
        '```js',
        'curl()',
        '```',
        '```sh',
        'npm install',
        '```',
        '```sh',
        '# curl is optional',
        'echo "use curl here"',
        '```',
      ),
    );
    assert.equal(parsed.calls.length, 0);
  });

  it('strips $ prompts, handles CRLF and indented (list item) fences', () => {
    const parsed = parseReadme(
      [
        '1. Call it:',
        '   ```shell',
        '   $ curl -s localhost:1/x',
        '   ```',
        '   ```text',
        '   ok',
        '   ```',
      ].join('\r\n'),
    );
    assert.equal(parsed.calls[0].command, 'curl -s localhost:1/x');
    assert.equal(parsed.calls[0].expected, 'ok');
  });
});

describe('isCurlCall', () => {
  it('finds curl in command position', () => {
    assert.ok(isCurlCall('curl -s x'));
    assert.ok(isCurlCall('ID=$(curl -s x | jq -r .id)'));
    assert.ok(isCurlCall('export A=1\nTOKEN=abc curl -s x'));
    assert.ok(isCurlCall('cd app && curl -s x'));
    assert.ok(isCurlCall('$ curl -s x'));
  });
  it('ignores curl in comments, arguments and other words', () => {
    assert.ok(!isCurlCall('# curl -s x'));
    assert.ok(!isCurlCall('echo "curl is nice"'));
    assert.ok(!isCurlCall('npm run curlish'));
    assert.ok(!isCurlCall('curl'));
  });
  it('finds curl -sS and its combined flags', () => {
    assert.ok(isCurlCall('curl -sS x'));
    assert.ok(isCurlCall('curl -sSN x'));
    assert.ok(isCurlCall('curl -sSi x | grep -i x-ai-provider'));
  });
});

describe('silentCurls', () => {
  it('finds curl calls that are silent without showing errors', () => {
    assert.deepEqual(silentCurls('curl -s http://x'), ['curl -s http://x']);
    assert.deepEqual(silentCurls('curl -sN \\\n  http://x'), ['curl -sN http://x']);
    assert.deepEqual(silentCurls('ID=$(curl -s -X POST x | jq -r .id)'), ['curl -s -X POST x']);
    assert.deepEqual(silentCurls('A=1 curl --silent x'), ['curl --silent x']);
  });
  it('accepts -sS, --show-error, unsilenced calls and curl that is not a command', () => {
    assert.deepEqual(
      silentCurls(
        [
          'curl -sS x',
          'curl -sSi x | grep -s y',
          'curl -s -S x',
          'curl --silent --show-error x',
          'curl x',
          '# curl -s x',
          'echo curl -s x',
        ].join('\n'),
      ),
      [],
    );
  });
});

describe('rewritePort', () => {
  it('rewrites localhost and 127.0.0.1 ports to 127.0.0.1:<port>', () => {
    assert.equal(
      rewritePort('curl localhost:3000/a http://127.0.0.1:8080/b "http://localhost:1/c"', 4321),
      'curl 127.0.0.1:4321/a http://127.0.0.1:4321/b "http://127.0.0.1:4321/c"',
    );
  });
  it('leaves other hosts and portless URLs alone', () => {
    const cmd = 'curl http://localhost/x https://api.example.com:443/y http://mylocalhost:3000/z';
    assert.equal(rewritePort(cmd, 9), cmd);
  });
});

describe('maskVolatile', () => {
  it('masks volatile keys present on both sides, recursively', () => {
    const [e, a] = maskVolatile(
      { id: 'a', data: [{ created: 1, x: 1 }], nested: { runId: 'r' } },
      { id: 'b', data: [{ created: 2, x: 1 }], nested: { runId: 's' } },
    );
    assert.deepEqual(e, {
      id: '<masked>',
      data: [{ created: '<masked>', x: 1 }],
      nested: { runId: '<masked>' },
    });
    assert.deepEqual(a, e);
  });
  it('leaves a volatile key present on one side only', () => {
    const [e, a] = maskVolatile({ id: 'a' }, { timestamp: 5 });
    assert.deepEqual(e, { id: 'a' });
    assert.deepEqual(a, { timestamp: 5 });
  });
});

describe('compareJson', () => {
  it('passes when only volatile values differ, whatever the formatting and key order', () => {
    const expected = `{
  "id": "chatcmpl-abc",
  "object": "chat.completion",
  "created": 1700000000,
  "choices": [{ "index": 0, "message": { "role": "assistant", "content": "Hi!" } }],
  "usage": { "total_tokens": 3 }
}`;
    const actual =
      '{"object":"chat.completion","id":"chatcmpl-XYZ","created":1712345678,' +
      '"usage":{"total_tokens":3},"choices":[{"message":{"content":"Hi!","role":"assistant"},"index":0}]}\n';
    assert.deepEqual(compareJson(expected, actual), { ok: true, message: '' });
  });

  it('reports differing paths with expected and actual values', () => {
    const res = compareJson(
      '{"choices":[{"message":{"content":"Hi!"}}],"model":"local","extra-key":1}',
      '{"choices":[{"message":{"content":"Hello"}}],"model":"local","usage":{"t":1}}',
    );
    assert.equal(res.ok, false);
    assert.equal(
      res.message,
      [
        '$.choices[0].message.content: expected "Hi!", actual "Hello"',
        '$["extra-key"]: missing in actual (expected 1)',
        '$.usage: unexpected in actual ({"t":1})',
      ].join('\n'),
    );
  });

  it('reports a volatile key present on one side only', () => {
    const res = compareJson('{"id":"x","ok":true}', '{"ok":true}');
    assert.equal(res.message, '$.id: missing in actual (expected "x")');
  });

  it('reports type and array length differences', () => {
    const res = compareJson('{"a":[1,2],"b":{"c":1}}', '{"a":[1],"b":[1]}');
    assert.equal(res.ok, false);
    assert.match(res.message, /^\$\.a: expected 2 items, actual 1$/m);
    assert.match(res.message, /\$\.a\[1\]: missing 2/);
    assert.match(res.message, /\$\.b: expected object \{"c":1\}, actual array \[1\]/);
  });

  it('fails with the output shown when the actual output is not JSON', () => {
    const res = compareJson('{"ok":true}', 'Internal Server Error\n');
    assert.equal(res.ok, false);
    assert.match(res.message, /^actual output is not JSON/);
    assert.match(res.message, /Internal Server Error/);
  });

  it('fails when the expected block is not JSON', () => {
    const res = compareJson('{ ok: true }', '{"ok":true}');
    assert.match(res.message, /^expected block is not valid JSON/);
  });

  it('compares sequences of JSON documents (two calls in one block, NDJSON)', () => {
    assert.equal(compareJson('{"a":1}\n{"b":2}', '{"a":1}{"b":2}').ok, true);
    const res = compareJson('{"a":1}\n{"b":2}', '{"a":1}\n{"b":3}\n');
    assert.equal(res.message, '$<doc 2>.b: expected 2, actual 3');
    assert.match(
      compareJson('{"a":1}', '{"a":1}\n{"a":1}').message,
      /expected 1 JSON document\(s\), actual 2/,
    );
  });
});

describe('normalizeText / maskText', () => {
  it('normalises line endings and surrounding whitespace', () => {
    assert.equal(normalizeText('\r\n\r\n  a  \r\nb\t\r\n\r\n'), '  a\nb');
  });
  it('masks ids, json volatile keys, timestamps and uuids', () => {
    assert.equal(
      maskText(
        'chatcmpl-9aB_c-1 call_xYz12 "id": "abc" "created":1712 "at": 1.5 ' +
          '2024-05-01T12:34:56.789Z 2024-05-01T12:34:56+02:00 123e4567-E89B-12d3-a456-426614174000',
      ),
      'chatcmpl-<id> call_<id> "id":"<masked>" "created":"<masked>" "at":"<masked>" ' +
        '<time> <time> <uuid>',
    );
  });
});

describe('compareText', () => {
  it('passes when outputs only differ in masked parts and whitespace', () => {
    const res = compareText(
      'data: {"id":"chatcmpl-1","created":1}\n\ndata: [DONE]\n',
      '\r\ndata: {"id":"chatcmpl-2","created":99}  \r\n\r\ndata: [DONE]\r\n\r\n',
    );
    assert.deepEqual(res, { ok: true, message: '' });
  });

  it('prints a unified-style diff of the differing lines', () => {
    const res = compareText('a\nb\nc\nd\ne\nf\ng', 'a\nb\nc\nD\ne\nf\ng\nh');
    assert.equal(res.ok, false);
    assert.equal(
      res.message,
      [
        '--- expected',
        '+++ actual',
        '@@ -2,6 +2,7 @@',
        ' b',
        ' c',
        '-d',
        '+D',
        ' e',
        ' f',
        ' g',
        '+h',
      ].join('\n'),
    );
  });

  it('splits far-apart changes into separate hunks', () => {
    const exp = Array.from({ length: 20 }, (_, i) => `line ${i}`);
    const act = [...exp];
    act[1] = 'changed 1';
    act[18] = 'changed 18';
    const res = compareText(exp.join('\n'), act.join('\n'));
    const headers = res.message.split('\n').filter((l) => l.startsWith('@@'));
    assert.deepEqual(headers, ['@@ -1,4 +1,4 @@', '@@ -17,4 +17,4 @@']);
  });

  it('handles empty actual output', () => {
    const res = compareText('hello', '');
    assert.equal(
      res.message,
      ['--- expected', '+++ actual', '@@ -1,1 +1,0 @@', '-hello'].join('\n'),
    );
  });
});
