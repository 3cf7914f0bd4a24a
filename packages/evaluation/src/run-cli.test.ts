import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-options.js';
import { parseJsonReport } from './reporters/json-report.js';
import { runCli } from './run-cli.js';

const fixture = new URL('./__fixtures__/capitals.eval.yaml', import.meta.url).pathname;
const bin = new URL('../bin/ai-eval.js', import.meta.url).pathname;

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
  });
  return { code, stdout, stderr };
}

async function passingSuite(dir: string): Promise<string> {
  const path = join(dir, 'pass.eval.yaml');
  await writeFile(
    path,
    `description: Passing
prompts: ["Context: {{context}}\\nQuestion: {{question}}"]
providers: [local]
tests:
  - description: lamp
    vars: {question: What is the object?, context: The object is a lamp.}
    assert: [{type: icontains, value: lamp}]
  - description: 灯
    vars: {question: 这个东西是什么？, context: 这个东西是一盏灯。}
    assert: [{type: contains, value: 灯}]
`,
  );
  return path;
}

describe('ai-eval run', () => {
  it('exits 0 when every case passes, with the summary on stderr and JUnit on stdout', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ai-eval-'));
    const { code, stdout, stderr } = await cli([
      'run',
      await passingSuite(dir),
      '--reporter',
      'junit',
      '--no-cache',
      '--no-progress',
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    expect(stdout.match(/<testcase /g)).toHaveLength(2);
    expect(stdout).not.toContain('<failure');
    expect(stderr).toContain('passed 2/2');
  });

  it('exits 1 below --min-pass-rate and writes the files it was asked for', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ai-eval-'));
    const html = join(dir, 'report.html');
    const json = join(dir, 'run.json');
    const failing = await cli([
      'run',
      fixture,
      '--output',
      html,
      '--output',
      json,
      '--no-cache',
      '--no-progress',
    ]);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toContain('pass rate 66.7% is below --min-pass-rate 100.0%');
    expect(await readFile(html, 'utf8')).toContain('<svg');
    const saved = parseJsonReport(await readFile(json, 'utf8'));
    expect(saved.summary).toMatchObject({ passed: 2, failed: 1 });
    const lenient = await cli([
      'run',
      fixture,
      '--min-pass-rate',
      '0.6',
      '--no-cache',
      '--no-progress',
      '--reporter',
      'json',
    ]);
    expect(lenient.code).toBe(0);
    expect(parseJsonReport(lenient.stdout).summary.total).toBe(3);
  });

  it('compares with an earlier run and lists the cases that flipped', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ai-eval-'));
    const before = join(dir, 'before.json');
    const suite = await passingSuite(dir);
    await cli(['run', suite, '--output', before, '--no-cache', '--no-progress']);
    await writeFile(suite, (await readFile(suite, 'utf8')).replace('value: lamp', 'value: chair'));
    const after = join(dir, 'after.json');
    const { code, stderr } = await cli([
      'run',
      suite,
      '--output',
      after,
      '--compare',
      before,
      '--no-cache',
      '--no-progress',
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      '1 case(s) flipped:\n  passed → failed  lamp  (lamp|Context: {{context}} Question: {{question}}|local)',
    );
    const compared = await cli(['compare', before, after]);
    expect(compared.code).toBe(0);
    expect(compared.stdout).toContain('pass rate 100.0% → 50.0%');
  });

  it('exits 2 for an invalid suite, naming file:line:column', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ai-eval-'));
    const path = join(dir, 'bad.yaml');
    await writeFile(
      path,
      "prompts: ['{{q}}']\nproviders: [local]\ntests:\n  - vars: {q: x}\n    assert: [{type: containz, value: x}]\n",
    );
    const { code, stderr } = await cli(['run', path]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      `${path}:5:21: tests[0].assert[0].type: unknown assertion type "containz"`,
    );
  });

  it('exits 2 for bad arguments, with the usage', async () => {
    expect((await cli(['run'])).code).toBe(2);
    const both = await cli(['run', fixture, '--reporter', 'json', '--reporter', 'junit']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('only one of json and junit can write to stdout');
    expect((await cli(['run', fixture, '--min-pass-rate', '2'])).stderr).toContain(
      '--min-pass-rate: must be a number from 0 to 1',
    );
    expect((await cli(['--help'])).stdout).toContain('ai-eval run <suite.yaml|json>');
  });
});

describe('parseCliArgs pairs reporters with outputs', () => {
  it('takes the reporter from the extension, defaults HTML to eval-report.html, JSON to stdout', () => {
    expect(parseCliArgs(['run', 's.yaml', '-o', 'r.xml', '-o', 'r.html']).targets).toEqual([
      { reporter: 'junit', file: 'r.xml' },
      { reporter: 'html', file: 'r.html' },
    ]);
    const options = parseCliArgs([
      'run',
      's.yaml',
      '--reporter',
      'console',
      '--reporter',
      'html',
      '--reporter',
      'json',
    ]);
    expect(options.console).toBe(true);
    expect(options.targets).toEqual([
      { reporter: 'html', file: 'eval-report.html' },
      { reporter: 'json' },
    ]);
    expect(() => parseCliArgs(['run', 's.yaml', '-o', 'r.txt'])).toThrow(
      'cannot tell the reporter from "r.txt"',
    );
  });
});

describe('the ai-eval bin', () => {
  it('runs through the committed shim and sets the exit code', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ai-eval-'));
    const suite = await passingSuite(dir);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [bin, 'run', suite, '--reporter', 'json', '--no-progress'],
      {
        env: { PATH: process.env.PATH, XDG_CACHE_HOME: join(dir, 'cache') },
      },
    );
    expect(parseJsonReport(stdout).summary.passRate).toBe(1);
    const failed = await promisify(execFile)(
      process.execPath,
      [bin, 'run', fixture, '--no-progress'],
      { env: { PATH: process.env.PATH, XDG_CACHE_HOME: join(dir, 'cache') } },
    ).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1 });
  });
});
