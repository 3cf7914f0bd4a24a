// The four workshop experiments in quick mode (tiny models, a few steps), run through the
// examples/ scripts so those are type-checked and run too. Figures at this size mean little, so
// the tests check what is written and how it is computed, not how good the models get.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main as dpo } from '../../examples/dpo.js';
import { main as optimizers } from '../../examples/optimizers.js';
import { main as scaling } from '../../examples/scaling.js';
import { main as sft } from '../../examples/sft.js';
import { BUNDLED_DATA_DIR } from '../base-model.js';
import { loadCheckpoint } from '../model/checkpoint.js';
import { OPTIMIZER_NAMES } from '../optim/optimizers.js';
import { escapeXml } from '../report/svg-chart.js';
import { parsePreferenceJsonl, parseSftJsonl } from '../train/data.js';
import { train } from '../train/train.js';
import { fitPowerLaw } from './power-law.js';
import { HELD_OUT_PROMPTS, repetition } from './samples.js';

let dir: string;
let base: string;
const polylines = async (file: string) =>
  ((await readFile(file, 'utf8')).match(/<polyline /g) ?? []).length;
const quiet = () => undefined;
const collect = (into: [string, number][]) => (message: string, fraction: number) =>
  void into.push([message, fraction]);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'experiments-'));
  const data = (file: string) => path.join(BUNDLED_DATA_DIR, file);
  // A tiny base model standing in for the shipped one (its vocabulary covers the chat data).
  const result = await train({
    stage: 'pretrain',
    runDir: path.join(dir, 'base'),
    data: [data('corpus/en.txt'), data('corpus/zh.txt')],
    vocabularyFrom: [data('sft.jsonl'), data('preferences.jsonl')],
    model: { layers: 1, dModel: 16, heads: 2, context: 48 },
    steps: 6,
    batchSize: 4,
  });
  base = result.model;
});

describe('optimizerExperiment', () => {
  it('trains one curve per optimizer and tabulates their state memory', async () => {
    const progress: [string, number][] = [];
    const outDir = path.join(dir, 'optimizers');
    const { charts, data, summary } = await optimizers({
      quick: true,
      outDir,
      onProgress: collect(progress),
    });
    expect(charts).toEqual([path.join(outDir, 'optimizers.svg')]);
    expect(await polylines(charts[0]!)).toBe(OPTIMIZER_NAMES.length);
    expect(data.runs.map((r) => r.optimizer)).toEqual([...OPTIMIZER_NAMES]);
    for (const run of data.runs) {
      expect(run.losses).toHaveLength(6);
      expect(run.losses.every(Number.isFinite)).toBe(true);
      expect(summary).toContain(run.finalLoss.toFixed(3));
    }
    const byName = Object.fromEntries(data.memory.map((m) => [m.optimizer, m]));
    const fp32 = 4 * data.parameters;
    expect([byName.sgd!.stateBytes, byName.lomo!.stateBytes]).toEqual([0, 0]);
    expect([byName.momentum!.stateBytes, byName.lion!.stateBytes]).toEqual([fp32, fp32]);
    expect([byName.adam!.stateBytes, byName.adamw!.stateBytes]).toEqual([2 * fp32, 2 * fp32]);
    expect(byName.adamw!.stateBytes7B).toBe(56e9);
    expect(byName.adamw!.modelStateBytesPerParameter).toBe(16);
    // LOMO's update is SGD's: the same losses at every step.
    const losses = (name: string) => data.runs.find((r) => r.optimizer === name)!.losses;
    expect(losses('lomo')).toEqual(losses('sgd'));
    const fractions = progress.map(([, f]) => f);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  });

  it('names the field of a bad option', async () => {
    await expect(optimizers({ outDir: '' })).rejects.toMatchObject({
      details: [{ field: 'outDir' }],
    });
    await expect(
      optimizers({ outDir: dir, optimizers: ['rmsprop' as never] }),
    ).rejects.toMatchObject({ details: [{ field: 'optimizers' }] });
  });
});

describe('scalingExperiment', () => {
  it('fits α on non-embedding parameters and labels the chart toy scale', async () => {
    const { charts, data, summary } = await scaling({
      quick: true,
      outDir: path.join(dir, 's'),
      onProgress: quiet,
    });
    expect(data.points.map((p) => p.dModel)).toEqual([8, 16, 24]);
    // One layer: 12·d² + 13·d in the block, 2·d in the final LayerNorm; embeddings left out.
    expect(data.points.map((p) => p.nonEmbeddingParameters)).toEqual(
      [8, 16, 24].map((d) => 12 * d * d + 15 * d),
    );
    expect(data.tokens).toBe(6 * 4 * 16);
    expect(Number.isFinite(data.fit.alpha)).toBe(true);
    // The sign as measured: α > 0 exactly when loss falls as log N grows.
    const logN = data.points.map((p) => Math.log(p.nonEmbeddingParameters));
    const logL = data.points.map((p) => Math.log(p.validationLoss));
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const covariance = logN.reduce(
      (sum, x, i) => sum + (x - mean(logN)) * (logL[i]! - mean(logL)),
      0,
    );
    expect(Math.sign(data.fit.alpha)).toBe(-Math.sign(covariance));
    const svg = await readFile(charts[0]!, 'utf8');
    expect(await polylines(charts[0]!)).toBe(3); // measured, fit, Kaplan's slope
    expect(svg).toContain('Toy scale: a few hundred thousand parameters, minutes of CPU');
    expect(svg).toContain('α_N ≈ 0.076');
    expect(summary).toContain(`α = ${data.fit.alpha.toFixed(3)}`);
  });

  it('fitPowerLaw recovers a known exponent', () => {
    const points = [1e3, 1e4, 1e5].map((n) => ({ n, loss: 5 * n ** -0.25 }));
    const fit = fitPowerLaw(points);
    expect(fit.alpha).toBeCloseTo(0.25, 10);
    expect(fit.coefficient).toBeCloseTo(5, 8);
    expect(fit.r2).toBeCloseTo(1, 10);
    expect(() => fitPowerLaw(points.slice(0, 1))).toThrow(/points/);
  });
});

describe('sftExperiment', () => {
  it('answers the same prompts before and after, escaped in the HTML page', async () => {
    const outDir = path.join(dir, 'sft');
    const prompts = ['<script>alert("x")</script> Hello?', '你好，<b>世界</b>？'];
    const { charts, data, summary } = await sft({
      quick: true,
      outDir,
      base,
      prompts,
      onProgress: quiet,
    });
    expect(data.samples.map((s) => s.prompt)).toEqual(prompts);
    expect(JSON.parse(await readFile(path.join(outDir, 'samples.json'), 'utf8'))).toEqual(
      data.samples,
    );
    const html = await readFile(path.join(outDir, 'samples.html'), 'utf8');
    expect(html).not.toMatch(/<script|<b>/);
    expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; Hello?');
    expect(html).toContain('你好，&#60;b&#62;世界&#60;/b&#62;？');
    for (const sample of data.samples) {
      expect(html).toContain(`<td>${escapeXml(sample.base)}</td>`);
      expect(html).toContain(`<td>${escapeXml(sample.sft)}</td>`);
    }
    expect((await loadCheckpoint(data.model)).meta).toMatchObject({ stage: 'sft', step: 3 });
    expect(data.wallSeconds).toBeGreaterThan(0);
    expect(summary).toContain(`${data.wallSeconds.toFixed(1)} s`);
    expect(await polylines(charts[0]!)).toBe(2); // training and validation loss
  });

  it('names `base` when there is no checkpoint there', async () => {
    await expect(
      sft({ quick: true, outDir: path.join(dir, 'x'), base: path.join(dir, 'none') }),
    ).rejects.toMatchObject({ details: [{ field: 'base' }] });
  });

  it('holds out its default prompts: English and Chinese, none in the training data', async () => {
    const text = (file: string) => readFile(path.join(BUNDLED_DATA_DIR, file), 'utf8');
    const seen = new Set([
      ...parseSftJsonl(await text('sft.jsonl')).flatMap((turns) =>
        turns.filter((t) => t.role === 'user').map((t) => t.content),
      ),
      ...parsePreferenceJsonl(await text('preferences.jsonl')).flatMap((row) =>
        row.prompt.filter((t) => t.role === 'user').map((t) => t.content),
      ),
    ]);
    expect(seen.size).toBeGreaterThan(200);
    expect(HELD_OUT_PROMPTS.filter((p) => seen.has(p))).toEqual([]);
    expect(HELD_OUT_PROMPTS.filter((p) => /\p{Script=Han}/u.test(p))).toHaveLength(4);
    expect(repetition('不知道不知道不知道')).toBeCloseTo(4 / 7, 10);
    expect(repetition('Sure. Rice needs water.')).toBe(0);
  });
});

describe('dpoExperiment', () => {
  it('runs SFT first, then DPO at both rates with per-step margin and accuracy', async () => {
    const outDir = path.join(dir, 'dpo');
    const progress: [string, number][] = [];
    const { charts, data, summary } = await dpo({
      quick: true,
      outDir,
      base,
      prompts: ['Hi?', '你好？'],
      onProgress: collect(progress),
    });
    expect(data.ranSft).toBe(true);
    expect((await loadCheckpoint(data.sft)).meta.stage).toBe('sft');
    expect(data.runs.map((r) => r.learningRate)).toEqual([5e-5, 2e-3]);
    for (const run of data.runs) {
      expect(run.steps.map((s) => s.step)).toEqual([1, 2, 3]);
      for (const { metrics } of run.steps) {
        expect(Number.isFinite(metrics.margin)).toBe(true);
        expect(metrics.accuracy).toBeGreaterThanOrEqual(0);
        expect(metrics.accuracy).toBeLessThanOrEqual(1);
      }
      expect(run.final.validationAccuracy).toBe(run.steps.at(-1)!.metrics['validation.accuracy']);
      expect(summary).toContain(run.final.validationAccuracy!.toFixed(2));
      expect((await loadCheckpoint(run.model)).meta.stage).toBe('dpo');
    }
    expect(charts.map((c) => path.basename(c))).toEqual(['dpo.svg', 'dpo-accuracy.svg']);
    expect(await polylines(charts[0]!)).toBe(2);
    expect(await polylines(charts[1]!)).toBe(4); // batch and validation accuracy per rate
    expect(data.samples).toHaveLength(2);
    // 3 SFT steps, 2 × 3 DPO steps, 3 models × 2 answers: 15 units of progress.
    expect(progress.map(([, f]) => f)).toContain(1 / 15);
    expect(progress.at(-1)).toEqual(['DPO at 0.002 answered', 1]);
  });
});
