// End-to-end test of scripts/check-readme.mjs: real app process, real curl. Run: node --test scripts/
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./check-readme.mjs', import.meta.url));

// A tiny app: JSON echo with volatile fields, a counter (state across calls), a text endpoint
// with a timestamp and a UUID, and a readiness path.
const SERVER = `import http from 'node:http';
import { randomUUID } from 'node:crypto';
let count = 0;
http
  .createServer((req, res) => {
    if (req.url === '/health') return res.end('ok');
    if (req.url === '/time') {
      res.setHeader('content-type', 'text/plain');
      return res.end('now ' + new Date().toISOString() + '\\nrequest ' + randomUUID() + '\\n');
    }
    if (req.method === 'POST' && req.url === '/count') count++;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ id: Math.random(), created: Date.now(), ok: true, path: req.url, count }));
  })
  .listen(Number(process.env.PORT), process.env.HOST);
console.log('listening on', process.env.PORT, 'argv', process.argv.slice(2).join(' '));
`;

const PASSING = `# Demo app

<!-- check-readme start="node server.mjs --port {port}" ready="/health" -->

Ask for anything:

\`\`\`sh
curl -s http://localhost:3000/hello
\`\`\`

\`\`\`json
{
  "id": "abc",
  "created": 1700000000,
  "ok": true,
  "path": "/hello",
  "count": 0
}
\`\`\`

Count (state carries over to the next call):

\`\`\`bash
curl -s -X POST \\
  localhost:3000/count > /dev/null
curl -s 127.0.0.1:3000/count
\`\`\`

\`\`\`json
{ "id": "x", "created": 1, "ok": true, "path": "/count", "count": 1 }
\`\`\`

<!-- check-readme skip -->

\`\`\`sh
curl -s https://example.invalid/never-run
\`\`\`

\`\`\`shell
curl -s localhost:3000/time
\`\`\`

\`\`\`text
now 2024-01-01T00:00:00.000Z
request 00000000-0000-4000-8000-000000000000
\`\`\`
`;

const FAILING = `# Drifted docs

<!-- check-readme start="node server.mjs" -->

\`\`\`sh
curl -s localhost:3000/hello
\`\`\`

\`\`\`json
{ "id": "x", "created": 1, "ok": true, "path": "/goodbye", "count": 0 }
\`\`\`
`;

/**
 * @param {string[]} args
 * @param {string} cwd
 * @returns {Promise<{ code: number, stdout: string, stderr: string }>}
 */
function runCheck(args, cwd) {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [SCRIPT, ...args],
      { cwd, timeout: 90_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('check-readme (end to end)', () => {
  /** @type {string} */
  let dir;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'check-readme-'));
    await writeFile(path.join(dir, 'server.mjs'), SERVER);
    await writeFile(path.join(dir, 'README.md'), PASSING);
    await writeFile(path.join(dir, 'DRIFT.md'), FAILING);
    await writeFile(path.join(dir, 'EMPTY.md'), '# Nothing to call\n\n```sh\nnpm test\n```\n');
    await writeFile(
      path.join(dir, 'CRASH.md'),
      `<!-- check-readme start="node -e &quot;console.error('boom'); process.exit(3)&quot;" -->\n\n` +
        '```sh\ncurl -s localhost:3000/\n```\n\n```text\nx\n```\n',
    );
  });

  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('passes a README whose docs match the app', async () => {
    const res = await runCheck(['README.md'], dir);
    assert.equal(res.code, 0, res.stdout + res.stderr);
    assert.match(res.stdout, /^✓ README\.md:7 curl -s http:\/\/localhost:3000\/hello$/m);
    assert.match(
      res.stdout,
      /^✓ README\.md:23 curl -s -X POST localhost:3000\/count > \/dev\/null; curl -s 12…$/m,
    );
    assert.match(
      res.stdout,
      /^- README\.md:35 curl -s https:\/\/example\.invalid\/never-run \(skipped\)$/m,
    );
    assert.match(res.stdout, /^✓ README\.md:39 curl -s localhost:3000\/time$/m);
    assert.match(res.stdout, /^check-readme: 3 passed, 0 failed$/m);
  });

  it('fails a README with a wrong expected output and shows the differing path', async () => {
    const res = await runCheck([path.join(dir, 'DRIFT.md')], process.cwd());
    assert.equal(res.code, 1, res.stdout + res.stderr);
    assert.match(res.stdout, /✗ .*DRIFT\.md:5 curl -s localhost:3000\/hello/);
    assert.match(res.stdout, /\$\.path: expected "\/goodbye", actual "\/hello"/);
    assert.match(res.stdout, /^check-readme: 0 passed, 1 failed$/m);
  });

  it('runs only the selected call with --only, across several READMEs', async () => {
    const res = await runCheck(
      ['README.md', 'DRIFT.md', '--only', 'README.md:41', '--verbose'],
      dir,
    );
    assert.equal(res.code, 0, res.stdout + res.stderr);
    assert.match(res.stdout, /✓ README\.md:39 /);
    assert.match(res.stdout, /actual output:\n\s+\| now \d{4}-/);
    assert.match(res.stdout, /^check-readme: 1 passed, 0 failed$/m);
  });

  it('exits 2 when the app exits early, showing its output', async () => {
    const res = await runCheck(['CRASH.md'], dir);
    assert.equal(res.code, 2);
    assert.match(res.stderr, /CRASH\.md: app exited early \(code 3\)/);
    assert.match(res.stderr, /\| boom/);
  });

  it('exits 2 for a README without curl calls and for usage errors', async () => {
    const empty = await runCheck(['EMPTY.md'], dir);
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /EMPTY\.md: no curl calls found/);
    const usage = await runCheck(['--bogus'], dir);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /unknown option --bogus/);
  });
});
