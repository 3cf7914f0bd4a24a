import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckpoint } from '../model/checkpoint.js';
import { GptRunner } from '../model/inference.js';
import { generateChat } from '../model/sample.js';

// Runs the committed bin shim, which imports dist/cli/main.js: turbo builds this package first.
const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const TINY = ['--layers', '1', '--d-model', '16', '--heads', '2', '--context', '16'];

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function start(args: string[]) {
  const child = spawn(process.execPath, ['bin/ai-train.js', ...args], { cwd: packageDir });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk) => (out.stdout += String(chunk)));
  child.stderr.on('data', (chunk) => (out.stderr += String(chunk)));
  const exited = once(child, 'exit').then(([code]) => ({ code: code as number | null, ...out }));
  return { child, out, exited };
}

const aiTrain = (...args: string[]): Promise<Outcome> => start(args).exited;
/** A 1-layer, d_model 16 model pretrained on the test corpus for `steps` steps. */
const tinyPretrain = (out: string, steps: number, ...more: string[]) => [
  'pretrain',
  '--data',
  corpus,
  '--out',
  out,
  ...TINY,
  '--steps',
  String(steps),
  ...more,
];
const lines = (text: string) => text.split('\n').filter(Boolean);

let dir: string;
let corpus: string;
let run: string;
let pretrain: Outcome;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ai-train-'));
  corpus = path.join(dir, 'corpus.txt');
  await writeFile(
    corpus,
    'The cat sat on the mat. 小猫坐在垫子上。模型预测下一个词。\n'.repeat(150),
  );
  run = path.join(dir, 'run');
  pretrain = await aiTrain(...tinyPretrain(run, 4));
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('ai-train CLI', () => {
  it('pretrain writes the model, four metrics lines and the loss chart, and says how to serve it', async () => {
    expect(pretrain.stderr).toBe('');
    expect(pretrain.code).toBe(0);
    expect(existsSync(path.join(run, 'final', 'model.json'))).toBe(true);
    const metrics = lines(await readFile(path.join(run, 'metrics.jsonl'), 'utf8'));
    expect(metrics.map((line) => (JSON.parse(line) as { step: number }).step)).toEqual([
      0, 1, 2, 3,
    ]);
    expect(await readFile(path.join(run, 'loss.svg'), 'utf8')).toContain('<svg');
    // Not a terminal: one line per validation (every step in a 4-step run), then the summary.
    expect(pretrain.stdout).toMatch(/^step 4\/4 {2}loss \d\.\d{4} {2}validationLoss \d\.\d{4}/m);
    expect(pretrain.stdout).toContain('Done: pretrain, 4 steps');
    expect(pretrain.stdout).toContain(`Loss curve: ${path.join(run, 'loss.svg')}`);
    expect(pretrain.stdout).toContain(
      `LOCAL_LLM_TRAINED_MODELS=my-model=${path.join(run, 'final')} npm run start:local-llm`,
    );
  });

  it('--json prints every event as a JSON line: start, four steps, done', async () => {
    const out = path.join(dir, 'json-run');
    const { code, stdout } = await aiTrain(...tinyPretrain(out, 4, '--json'));
    expect(code).toBe(0);
    const events = lines(stdout).map((line) => JSON.parse(line) as { type: string; step?: number });
    expect(events.map((e) => e.type)).toEqual(['start', 'step', 'step', 'step', 'step', 'done']);
    expect(events.filter((e) => e.type === 'step').map((e) => e.step)).toEqual([0, 1, 2, 3]);
  });

  it('sample streams the same answer to a Chinese prompt as generateChat', async () => {
    const { code, stdout } = await aiTrain('sample', run, '小猫在哪里？', '--max-tokens', '12');
    expect(code).toBe(0);
    const checkpoint = await loadCheckpoint(path.join(run, 'final'));
    const runner = new GptRunner(checkpoint.config, checkpoint.weights);
    const expected = [
      ...generateChat(runner, checkpoint.tokenizer, [{ role: 'user', content: '小猫在哪里？' }], {
        maxTokens: 12,
      }),
    ].join('');
    expect(expected.length).toBeGreaterThan(0);
    expect(stdout).toBe(`${expected}\n`);
  });

  it('sft then dpo start from the pretrained checkpoint', async () => {
    const chat = path.join(dir, 'chat.jsonl');
    const turns = (q: string, a: string) =>
      JSON.stringify({
        messages: [
          { role: 'user', content: q },
          { role: 'assistant', content: a },
        ],
      });
    await writeFile(chat, [turns('猫？', '垫子上。'), turns('Cat?', 'The mat.')].join('\n') + '\n');
    const prefs = path.join(dir, 'prefs.jsonl');
    const pair = JSON.stringify({
      input: { messages: [{ role: 'user', content: '猫？' }] },
      preferred_output: [{ role: 'assistant', content: '垫子上。' }],
      non_preferred_output: [{ role: 'assistant', content: '不知道！' }],
    });
    await writeFile(prefs, `${pair}\n${pair}\n`);
    const sft = path.join(dir, 'sft');
    const common = ['--steps', '2', '--batch-size', '2'];
    const sftRun = await aiTrain(
      'sft',
      '--base',
      path.join(run, 'final'),
      '--data',
      chat,
      '--out',
      sft,
      ...common,
    );
    expect(sftRun).toMatchObject({ code: 0, stderr: '' });
    expect(sftRun.stdout).toContain('Done: sft, 2 steps');
    const dpo = path.join(dir, 'dpo');
    const dpoRun = await aiTrain(
      'dpo',
      '--base',
      path.join(sft, 'final'),
      '--data',
      prefs,
      '--out',
      dpo,
      '--beta',
      '0.2',
      ...common,
    );
    expect(dpoRun.code).toBe(0);
    const settings = JSON.parse(await readFile(path.join(dpo, 'run.json'), 'utf8')) as object;
    expect(settings).toMatchObject({ stage: 'dpo', beta: 0.2, base: path.join(sft, 'final') });
    expect(lines(await readFile(path.join(dpo, 'metrics.jsonl'), 'utf8'))).toHaveLength(2);
  });

  it('experiment sft --quick writes its chart and prints its summary', async () => {
    const out = path.join(dir, 'experiment');
    const result = await aiTrain(
      'experiment',
      'sft',
      '--quick',
      '--base',
      path.join(run, 'final'),
      '--out',
      out,
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const summary = await readFile(path.join(out, 'summary.md'), 'utf8');
    expect(result.stdout).toContain(summary.trimEnd());
    expect(result.stdout).toContain(`  ${path.join(out, 'sft.svg')}\n`);
    expect(await readFile(path.join(out, 'sft.svg'), 'utf8')).toContain('<svg');
    const unknown = await aiTrain('experiment', 'frob');
    expect(unknown).toMatchObject({
      code: 2,
      stderr:
        'ai-train experiment: EXPERIMENT must be one of optimizers, scaling, sft, dpo (got "frob")\n',
    });
  });

  it('params prints the exact count, 12·L·d², Chinchilla tokens and memory', async () => {
    const { code, stdout } = await aiTrain('params', '--layers', '12', '--d-model', '768');
    expect(code).toBe(0);
    expect(stdout).toMatch(/12·L·d² +84,934,656/);
    expect(stdout).toMatch(/exact +124,439,808/); // GPT-2 small
    expect(stdout).toMatch(/Chinchilla tokens +2,488,796,160/);
    expect(stdout).toMatch(/fp32-adam +2\.0 GB/);
  });

  it('a bad flag, a missing file or a bad value: one line naming it, exit 2, no stack', async () => {
    const bogus = await aiTrain('pretrain', '--bogus', '--data', corpus);
    expect(bogus).toMatchObject({ code: 2, stdout: '' });
    expect(bogus.stderr).toBe(
      'ai-train pretrain: --bogus is not a flag of this command (--help lists them)\n',
    );
    const missing = path.join(dir, 'nope.txt');
    const noFile = await aiTrain('pretrain', '--data', missing, '--out', path.join(dir, 'x'));
    expect(noFile).toMatchObject({ code: 2, stdout: '' });
    expect(noFile.stderr).toBe(`ai-train pretrain: --data cannot read ${missing}: no such file\n`);
    const lr = await aiTrain(
      'pretrain',
      '--data',
      corpus,
      '--out',
      path.join(dir, 'y'),
      '--lr',
      '2',
    );
    expect(lr).toMatchObject({
      code: 2,
      stderr: 'ai-train pretrain: learningRate must be > 0 and < 1 (--lr)\n',
    });
    const layers = await aiTrain('params', '--layers', 'two', '--d-model', '8');
    expect(layers).toMatchObject({
      code: 2,
      stderr: 'ai-train params: --layers must be a number (got "two")\n',
    });
    const help = await aiTrain('dpo', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--beta <x>');
  });

  it('Ctrl-C saves a checkpoint and exits 130; resume finishes the run', async () => {
    const out = path.join(dir, 'long');
    const long = start(tinyPretrain(out, 120, '--json'));
    await new Promise<void>((resolve) =>
      long.child.stdout.on('data', () => long.out.stdout.includes('"type":"step"') && resolve()),
    );
    long.child.kill('SIGINT');
    const stopped = await long.exited;
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toContain(`Continue with: ai-train resume ${out}`);
    const latest = JSON.parse(
      await readFile(path.join(out, 'checkpoints', 'latest.json'), 'utf8'),
    ) as { step: number; dir: string };
    expect(stopped.stderr).toContain(
      `Checkpoint saved in ${path.join(out, 'checkpoints', latest.dir)}`,
    );
    expect(existsSync(path.join(out, 'checkpoints', latest.dir, 'model.json'))).toBe(true);
    expect(latest.step).toBeLessThan(119);
    expect(existsSync(path.join(out, 'final'))).toBe(false);

    const resumed = await aiTrain('resume', out);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain('Done: pretrain, 120 steps');
    expect(lines(await readFile(path.join(out, 'metrics.jsonl'), 'utf8'))).toHaveLength(120);
    expect(existsSync(path.join(out, 'final', 'model.json'))).toBe(true);
  });
});
