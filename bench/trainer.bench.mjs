// `npm run bench -- trainer [--only pretrain|sft|generate] [--steps 20] [--warmup 3] [--passes 1]
//   [--sftRows 200] [--sftEpochs 3] [--tokens 100] [--rounds 1]` (issue 15): @repo/trainer's tiny GPT
// (TensorFlow.js, WASM backend, one thread), three sections saved together as one result.
// `--only` takes one section or a comma list (default all three). About 3 minutes without
// PyTorch on two busy cores; each PyTorch row adds about as much as the matching ours.
//   pretrain  tokens/s and peak RSS pretraining on the bundled corpus at batch 16, context 128,
//             2 layers d_model 64 and 4 layers d_model 128. Each run is its own process (so the
//             peak, getrusage maxRSS, is that run's own); steps `warmup`..`steps`-2 are timed
//             from the step events (the first steps warm the WASM kernels up, the last validates).
//             The peer, in the same run: the same architecture, step and batch in PyTorch on the
//             CPU (bench/trainer_torch.py), one thread and the machine's thread count, when
//             `python3 -c "import torch"` works. Goal: ours ÷ PyTorch (one thread) ≥ 0.5×.
//             MFU = 6·N·tokens/s ÷ this CPU's float32 peak, measured by numpy's native BLAS on
//             one thread (best of 10 1024² matmuls); the WASM backend's own matMul at the same
//             size beside it shows how much of the gap is the kernel.
//   sft       wall time of a supervised fine-tune of the shipped base model (base-model/; a
//             5-step pretrain of its shape stands in while it is missing, and the output says so)
//             on the first `sftRows` examples of data/sft.jsonl, `sftEpochs` passes at batch 16:
//             the train() call (tfjs start-up, loading, steps, saving). Goal: under two minutes.
//   generate  tokens/s of greedy generation through the plain-TypeScript forward (generateChat),
//             up to `tokens` tokens on an English and a Chinese prompt, with the KV cache and
//             without it (every token re-runs the prefix), on the base model or a random-init
//             model of its shape: the median of `rounds`, each mode in its own process.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { modelFlopsUtilisation } from '@repo/training-math';
import {
  lastJsonLine,
  parseFlags,
  parseOnly,
  saveResult,
  summarise,
  pythonCanImport,
} from './lib.mjs';

const self = fileURLToPath(import.meta.url);
const trainerDist = new URL('../packages/trainer/dist/index.js', import.meta.url).href;
const torchScript = fileURLToPath(new URL('./trainer_torch.py', import.meta.url));
const TORCH_MISSING =
  'skipped: PyTorch not installed — `pip install torch --index-url https://download.pytorch.org/whl/cpu`';
const DEFAULTS = {
  steps: 20,
  warmup: 3,
  passes: 1,
  sftRows: 200,
  sftEpochs: 3,
  tokens: 100,
  rounds: 1,
};
const SECTIONS = ['pretrain', 'sft', 'generate'];
const SIZES = [
  { layers: 2, dModel: 64, heads: 4, context: 128 },
  { layers: 4, dModel: 128, heads: 4, context: 128 },
];
/** The shipped base model's shape (scripts/pretrain-base.mjs), for its stand-ins. */
const BASE_SHAPE = { layers: 3, dModel: 96, heads: 4, context: 128 };
const BATCH = 16;
const TORCH_GOAL = 0.5;
const SFT_GOAL_S = 120;
const ONE_THREAD = { OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };

const nodeWorker = (kind, options) =>
  lastJsonLine(process.execPath, [self, 'worker', kind, JSON.stringify(options)]);
const python = (mode, options, env) =>
  lastJsonLine('python3', [torchScript, mode, JSON.stringify(options)], env);

export async function run(args) {
  const { only, rest } = parseOnly(args, SECTIONS);
  const flags = parseFlags(rest, DEFAULTS);
  const result = { bench: 'trainer', node: process.version, flags, sections: only };
  const verdicts = [];
  for (const section of SECTIONS.filter((name) => only.includes(name))) {
    if (only.length > 1) console.log(`\n== ${section} ==`);
    if (section === 'pretrain') result.pretrain = await runPretrain(flags, verdicts);
    if (section === 'sft') result.sft = await runSft(flags, verdicts);
    if (section === 'generate') result.generate = await runGenerate(flags, verdicts);
  }
  console.log(`\ngoals:\n${verdicts.map((line) => `  ${line}`).join('\n')}`);
  result.verdicts = verdicts;
  console.log(`saved ${saveResult('trainer', result)}`);
}

const label = (size) => `L${size.layers} d${size.dModel}`;
const fmt = (value, digits = 0) =>
  value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const median = (values) => summarise(values).p50;

async function runPretrain(flags, verdicts) {
  const cores = availableParallelism();
  const hasNumpy = await pythonCanImport('numpy');
  const hasTorch = await pythonCanImport('torch');
  const peak = hasNumpy ? await python('peak', { size: 1024, repeats: 10 }, ONE_THREAD) : undefined;
  const wasm = await nodeWorker('matmul', { size: 1024, repeats: 5 });
  const peers = hasTorch ? [...new Set([1, cores])] : [];
  const rows = [];
  for (const size of SIZES) {
    const passes = { ours: [] };
    for (const threads of peers) passes[`torch${threads}`] = [];
    for (let pass = 0; pass < flags.passes; pass++) {
      const ours = await nodeWorker('pretrain', {
        ...size,
        steps: flags.steps,
        warmup: flags.warmup,
      });
      passes.ours.push(ours);
      for (const threads of peers) {
        const env = Object.fromEntries(Object.keys(ONE_THREAD).map((k) => [k, String(threads)]));
        passes[`torch${threads}`].push(
          await python(
            'train',
            {
              ...size,
              vocabSize: ours.vocabSize,
              batch: BATCH,
              steps: flags.steps,
              warmup: flags.warmup,
              threads,
            },
            env,
          ),
        );
      }
    }
    const pick = (list) => ({
      ...list[0],
      tokensPerSecond: median(list.map((p) => p.tokensPerSecond)),
      stepMs: median(list.map((p) => p.stepMs)),
      peakRssMiB: median(list.map((p) => p.peakRssMiB)),
    });
    const ours = pick(passes.ours);
    rows.push({ size, name: 'ours (tfjs WASM)', threads: 1, ...ours });
    for (const threads of peers) {
      const torch = pick(passes[`torch${threads}`]);
      if (torch.parameters !== ours.parameters)
        console.log(
          `warning: PyTorch counts ${torch.parameters} parameters, ours ${ours.parameters}`,
        );
      rows.push({ size, name: `PyTorch, ${threads} thread${threads > 1 ? 's' : ''}`, ...torch });
    }
  }
  for (const row of rows)
    row.mfu = peak
      ? modelFlopsUtilisation({
          parameters: row.parameters,
          tokensPerSecond: row.tokensPerSecond,
          peakFlops: peak.flops * row.threads,
        })
      : undefined;

  console.log(
    `pretraining on the bundled corpus, batch ${BATCH} × 128 tokens, steps ${flags.warmup}..${flags.steps - 2} of ${flags.steps} timed (median of ${flags.passes} pass${flags.passes > 1 ? 'es' : ''}, each run in its own process)`,
  );
  console.log(
    peak
      ? `CPU float32 peak (numpy, native BLAS, 1 thread, 1024² matmul, best of 10): ${fmt(peak.flops / 1e9, 1)} GFLOP/s; tfjs WASM matMul 1024²: ${fmt(wasm.flops / 1e9, 1)} GFLOP/s (${fmt((100 * wasm.flops) / peak.flops, 1)}% of it)`
      : `CPU peak: skipped (numpy not importable by python3); tfjs WASM matMul 1024²: ${fmt(wasm.flops / 1e9, 1)} GFLOP/s`,
  );
  console.log(
    `${'size'.padEnd(9)} ${'run'.padEnd(19)} ${'params'.padStart(9)} ${'tokens/s'.padStart(9)} ${'ms/step'.padStart(8)} ${'MFU*'.padStart(6)} ${'peak RSS'.padStart(9)}`,
  );
  for (const row of rows)
    console.log(
      `${label(row.size).padEnd(9)} ${row.name.padEnd(19)} ${fmt(row.parameters).padStart(9)} ${fmt(row.tokensPerSecond).padStart(9)} ${fmt(row.stepMs).padStart(8)} ${(row.mfu === undefined ? '—' : `${fmt(100 * row.mfu, 1)}%`).padStart(6)} ${`${fmt(row.peakRssMiB)} MiB`.padStart(9)}`,
    );
  if (!hasTorch)
    for (const size of SIZES)
      console.log(`${label(size).padEnd(9)} ${'PyTorch'.padEnd(19)} ${TORCH_MISSING}`);
  console.log(
    '* 6·N·tokens/s ÷ the one-thread numpy peak × threads; N counts every weight (embeddings too)',
  );

  const ratios = SIZES.map((size) => {
    const ours = rows.find((r) => r.size === size && r.name.startsWith('ours'));
    const torch = rows.find((r) => r.size === size && r.name === 'PyTorch, 1 thread');
    return {
      size: label(size),
      ratio: torch ? ours.tokensPerSecond / torch.tokensPerSecond : undefined,
    };
  });
  if (hasTorch) {
    console.log(
      `ours ÷ PyTorch (1 thread) tokens/s: ${ratios.map((r) => `${r.size} ${fmt(r.ratio, 2)}×`).join(', ')}  (goal ≥ ${TORCH_GOAL}×)`,
    );
    verdicts.push(
      `training speed ≥ ${TORCH_GOAL}× PyTorch on one thread: ${ratios.every((r) => r.ratio >= TORCH_GOAL) ? 'met' : 'MISSED'} (${ratios.map((r) => `${r.size} ${fmt(r.ratio, 2)}×`).join(', ')})`,
    );
  } else
    verdicts.push(
      `training speed ≥ ${TORCH_GOAL}× PyTorch on one thread: not measured (PyTorch not installed)`,
    );
  if (peak)
    verdicts.push(
      `MFU (no goal): ${rows
        .filter((r) => r.name.startsWith('ours'))
        .map((r) => `${label(r.size)} ${fmt(100 * r.mfu, 1)}%`)
        .join(
          ', ',
        )} of one core's BLAS peak; WASM matMul reaches ${fmt((100 * wasm.flops) / peak.flops, 1)}% of it`,
    );
  return { peak, wasmMatmul: wasm, torch: hasTorch, rows, ratios, passes: flags.passes };
}

async function runSft(flags, verdicts) {
  const steps = Math.ceil((flags.sftEpochs * flags.sftRows) / BATCH);
  const sft = await nodeWorker('sft', { rows: flags.sftRows, steps });
  const from = sft.standIn
    ? `a STAND-IN: base-model/ is missing, so a 5-step pretrain of its shape (L${BASE_SHAPE.layers} d${BASE_SHAPE.dModel})`
    : `base-model/ (L${sft.config.layers} d${sft.config.dModel})`;
  console.log(
    `SFT: the first ${sft.rows} examples of data/sft.jsonl × ${flags.sftEpochs} epochs = ${steps} steps at batch ${BATCH}, from ${from}`,
  );
  console.log(
    `wall ${fmt(sft.wallSeconds, 1)} s for the train() call (tfjs start-up, loading, ${steps} steps, saving): ${fmt(sft.tokensPerSecond)} tokens/s over ${fmt(sft.tokens)} padded tokens, final loss ${fmt(sft.finalLoss, 3)}, peak RSS ${fmt(sft.peakRssMiB)} MiB`,
  );
  verdicts.push(
    `SFT on ${sft.rows} examples (${steps} steps) under two minutes: ${sft.wallSeconds < SFT_GOAL_S ? 'met' : 'MISSED'} (${fmt(sft.wallSeconds, 1)} s${sft.standIn ? ', from a stand-in base model' : ''})`,
  );
  return { steps, ...sft };
}

async function runGenerate(flags, verdicts) {
  const runs = { cached: [], uncached: [] };
  for (let round = 0; round < flags.rounds; round++)
    for (const kvCache of round % 2 === 0 ? [true, false] : [false, true])
      runs[kvCache ? 'cached' : 'uncached'].push(
        await nodeWorker('generate', { kvCache, maxTokens: flags.tokens }),
      );
  const cached = median(runs.cached.map((r) => r.tokensPerSecond));
  const uncached = median(runs.uncached.map((r) => r.tokensPerSecond));
  const first = runs.cached[0];
  const same = runs.uncached.every((r) => r.text === first.text);
  console.log(
    `generation: greedy, up to ${flags.tokens} tokens on an English and a Chinese prompt (${first.tokens} tokens in all), ${first.model}, plain TypeScript (median of ${flags.rounds}, each in its own process)`,
  );
  console.log(`with the KV cache     ${fmt(cached).padStart(7)} tokens/s`);
  console.log(`without (re-run all)  ${fmt(uncached).padStart(7)} tokens/s`);
  console.log(
    `cache ÷ no cache: ${fmt(cached / uncached, 1)}×; same text both ways: ${same ? 'yes' : 'NO'}`,
  );
  verdicts.push(
    `KV cache (no goal): ${fmt(cached / uncached, 1)}× the tokens/s of re-running the prefix${same ? '' : ', but the texts DIFFER'}`,
  );
  return { cached, uncached, ratio: cached / uncached, sameText: same, runs };
}

// ---- workers: one measured run each, in its own process, printing one JSON line ----

const peakRssMiB = () => process.resourceUsage().maxRSS / 1024;

async function trainerData() {
  const trainer = await import(trainerDist);
  const data = (...parts) => join(trainer.BUNDLED_DATA_DIR, ...parts);
  return { trainer, data, corpus: [data('corpus', 'en.txt'), data('corpus', 'zh.txt')] };
}

/** Pretraining at one size; tokens/s over the timed steps only. */
async function pretrainWorker(options) {
  const { trainer, corpus } = await trainerData();
  const runDir = mkdtempSync(join(tmpdir(), 'trainer-bench-'));
  const elapsed = [];
  let vocabSize;
  try {
    const { layers, dModel, heads, context, steps, warmup } = options;
    const result = await trainer.train(
      {
        stage: 'pretrain',
        runDir,
        data: corpus,
        model: { layers, dModel, heads, context },
        steps,
        batchSize: BATCH,
        evalEvery: steps,
        seed: 1,
      },
      {
        onEvent(event) {
          if (event.type === 'start') vocabSize = event.vocabSize;
          if (event.type === 'step') elapsed[event.step] = event.elapsedMs;
        },
      },
    );
    // Steps warmup..steps-2: from the end of step warmup-1 to the end of step steps-2.
    const timed = steps - 1 - warmup;
    const ms = elapsed[steps - 2] - elapsed[warmup - 1];
    return {
      parameters: result.parameters,
      vocabSize,
      tokensPerSecond: (timed * BATCH * context) / (ms / 1000),
      stepMs: ms / timed,
      timedSteps: timed,
      wholeRunTokensPerSecond: result.tokensPerSecond,
      peakRssMiB: peakRssMiB(),
    };
  } finally {
    rmSync(runDir, { recursive: true, force: true });
  }
}

/** The WASM backend's own matMul: best of `repeats` size² float32 products. */
async function matmulWorker({ size, repeats }) {
  const { trainer } = await trainerData();
  const tf = await trainer.loadTf();
  const a = tf.randomNormal([size, size], 0, 1, 'float32', 1);
  const b = tf.randomNormal([size, size], 0, 1, 'float32', 2);
  let best = Infinity;
  for (let i = 0; i < repeats + 1; i++) {
    const started = performance.now();
    const c = tf.matMul(a, b);
    c.dataSync(); // read outside any tidy
    best = Math.min(best, performance.now() - started);
    c.dispose();
  }
  return { flops: (2 * size ** 3) / (best / 1000), bestMs: best, backend: tf.getBackend() };
}

/** The base model's folder, or a 5-step pretrain of its shape in `dir` when it is missing. */
async function baseModel(trainer, data, dir) {
  const shipped = trainer.BASE_MODEL_DIR;
  if (['model.json', 'weights.bin'].every((file) => existsSync(join(shipped, file))))
    return { base: shipped, standIn: false };
  const result = await trainer.train({
    stage: 'pretrain',
    runDir: join(dir, 'stand-in'),
    data: [data('corpus', 'en.txt'), data('corpus', 'zh.txt')],
    vocabularyFrom: [data('sft.jsonl'), data('preferences.jsonl')],
    model: BASE_SHAPE,
    steps: 5,
    batchSize: BATCH,
    seed: 2026,
  });
  return { base: result.model, standIn: true };
}

async function sftWorker({ rows, steps }) {
  const { trainer, data } = await trainerData();
  const dir = mkdtempSync(join(tmpdir(), 'trainer-bench-'));
  try {
    const { base, standIn } = await baseModel(trainer, data, dir);
    const lines = readFileSync(data('sft.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .slice(0, rows);
    const file = join(dir, 'sft.jsonl');
    writeFileSync(file, lines.join('\n') + '\n');
    const started = performance.now();
    const result = await trainer.train({
      stage: 'sft',
      runDir: join(dir, 'sft'),
      base,
      data: [file],
      steps,
      batchSize: BATCH,
      validationFraction: 0, // every example trains; the goal is about passing over all of them
      evalEvery: steps,
    });
    const wallSeconds = (performance.now() - started) / 1000;
    const { config } = await trainer.loadCheckpoint(base);
    return {
      rows: lines.length,
      standIn,
      config,
      wallSeconds,
      trainSeconds: result.seconds,
      tokens: result.tokens,
      tokensPerSecond: result.tokensPerSecond,
      finalLoss: result.finalLoss,
      peakRssMiB: peakRssMiB(),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Greedy generation on two prompts, one mode; a short untimed run warms the JIT up first. */
async function generateWorker({ kvCache, maxTokens }) {
  const { trainer, data } = await trainerData();
  let runner;
  let tokenizer;
  let model;
  const shipped = trainer.BASE_MODEL_DIR;
  if (existsSync(join(shipped, 'model.json'))) {
    const checkpoint = await trainer.loadCheckpoint(shipped);
    runner = new trainer.GptRunner(checkpoint.config, checkpoint.weights);
    tokenizer = checkpoint.tokenizer;
    model = `base-model/ (L${checkpoint.config.layers} d${checkpoint.config.dModel})`;
  } else {
    const texts = ['corpus/en.txt', 'corpus/zh.txt', 'sft.jsonl'].map((f) =>
      readFileSync(data(f), 'utf8'),
    );
    tokenizer = trainer.buildCharTokenizer(texts, { maxCharacters: 3000 });
    const config = { vocabSize: tokenizer.size, ...BASE_SHAPE };
    runner = new trainer.GptRunner(config, trainer.initWeights(config, 1));
    model = `a random-init model of base-model/'s shape (L${BASE_SHAPE.layers} d${BASE_SHAPE.dModel}; base-model/ is missing)`;
  }
  const prompts = ['What is a language model?', '什么是语言模型？'];
  const generate = (prompt, tokens) => {
    const generator = trainer.generateChat(runner, tokenizer, [{ role: 'user', content: prompt }], {
      kvCache,
      maxTokens: tokens,
      temperature: 0,
    });
    let next = generator.next();
    while (!next.done) next = generator.next();
    return next.value;
  };
  generate(prompts[0], 10);
  // Both prompts, repeated until a second has passed (the cached mode takes a fraction of one).
  let tokens = 0;
  let passes = 0;
  let text;
  const started = performance.now();
  do {
    text = '';
    for (const prompt of prompts) {
      const generated = generate(prompt, maxTokens);
      tokens += generated.tokens.length;
      text += generated.text + '\n';
    }
    passes++;
  } while (performance.now() - started < 1000);
  const seconds = (performance.now() - started) / 1000;
  return {
    kvCache,
    model,
    tokens: tokens / passes,
    passes,
    seconds,
    tokensPerSecond: tokens / seconds,
    text,
  };
}

const WORKERS = {
  pretrain: pretrainWorker,
  matmul: matmulWorker,
  sft: sftWorker,
  generate: generateWorker,
};

if (process.argv[1] === self && process.argv[2] === 'worker') {
  const line = await WORKERS[process.argv[3]](JSON.parse(process.argv[4]));
  console.log(JSON.stringify(line));
}
