// `npm run bench -- fine-tuning [--only validate|job] [--small 10] [--large 100] [--passes 3]`
// (issue 16): @repo/fine-tuning's validateDataset, and a fine-tuning job's start-up on local-llm.
// `--only` takes one section or a comma list (default both). About 2 minutes on two busy cores
// with the Python peer at 3 passes, most of it the large file.
//   validate  two OpenAI SFT files, `small` and `large` MB (seeded: English and Chinese chats with
//             system/user/assistant messages, some multi-turn, a few named users and ~1% tool-call
//             rows), written once per run to a temporary folder. Ours: validateDataset(path,
//             { model: 'gpt-3.5-turbo-0125', format: 'sft' }), the model whose encoding is
//             cl100k_base, the peer's: lines/s, MB/s and peak RSS (getrusage maxRSS), each file in
//             its own process so a peak is that run's own. Both files are over validateDataset's
//             worker threshold (4 MiB), so ours counts tokens in one worker thread per core; its
//             peak RSS is the whole process's, workers included. The cores and the load average
//             at the start are printed and saved: on a shared machine, workers only gain when
//             cores are idle. The peer, in the same run: OpenAI
//             cookbook's Chat_finetuning_data_prep.ipynb as a script (bench/fine_tuning_cookbook.py,
//             tiktoken cl100k_base, numpy), when `python3` imports tiktoken and numpy; tiktoken's
//             encoding file is written offline from js-tiktoken's ranks into a temporary
//             TIKTOKEN_CACHE_DIR (byte-identical: tiktoken checks its sha256). The token totals of
//             both are compared (ours also counts the tool-call rows, which the cookbook cannot).
//             Goals: ours ≥ 2× the cookbook's lines/s; ours ≤ 0.5× its peak RSS at the large
//             size ("a fraction"); ours flat: large ÷ small peak RSS ≤ 1.25×. Beside the peaks, ours'
//             live heap after a full GC at the end (--expose-gc): what the pass retains, as
//             opposed to the headroom V8 grows its heap by under a high allocation rate.
//   job       local-llm in-process (its own child process) with a temporary data folder: a 40-row
//             SFT file from packages/trainer/data/sft.jsonl uploaded and a job created through
//             the `openai` SDK, then listEvents polled every 100 ms: create → first `metrics`
//             event (the first training step), for the first job of the server (cold: the trainer
//             and TensorFlow.js load) and, once it has finished, a second one (warm). No goal.
import { createHash } from 'node:crypto';
import {
  createReadStream,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  lastJsonLine,
  parseFlags,
  parseOnly,
  saveResult,
  summarise,
  pythonCanImport,
} from './lib.mjs';

const self = fileURLToPath(import.meta.url);
const fineTuningDist = new URL('../packages/fine-tuning/dist/index.js', import.meta.url).href;
const localLlmDist = new URL('../packages/local-llm/dist/index.js', import.meta.url).href;
const trainerSft = fileURLToPath(new URL('../packages/trainer/data/sft.jsonl', import.meta.url));
const cookbookScript = fileURLToPath(new URL('./fine_tuning_cookbook.py', import.meta.url));
const COOKBOOK_MISSING =
  'skipped: python3 cannot import tiktoken and numpy — `python3 -m venv --system-site-packages /tmp/tkenv && /tmp/tkenv/bin/pip install tiktoken numpy`, then `PATH=/tmp/tkenv/bin:$PATH npm run bench -- fine-tuning`';
const DEFAULTS = { small: 10, large: 100, passes: 3 };
const SECTIONS = ['validate', 'job'];
/** cl100k_base in gpt-3.5-turbo-0125's row of MODEL_LIMITS: the cookbook's encoding. */
const MODEL = 'gpt-3.5-turbo-0125';
const SPEED_GOAL = 2;
const MEMORY_GOAL = 0.5;
const FLAT_GOAL = 1.25;
/** What tiktoken reads cl100k_base from, and the sha256 it requires of the file. */
const CL100K_URL = 'https://openaipublic.blob.core.windows.net/encodings/cl100k_base.tiktoken';
const CL100K_SHA256 = '223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7';
const MB = 1e6;

// --expose-gc: the validate worker reads the live heap after a full collection, once timed.
const nodeWorker = (kind, options) =>
  lastJsonLine(process.execPath, ['--expose-gc', self, 'worker', kind, JSON.stringify(options)]);

export async function run(args) {
  const { only, rest } = parseOnly(args, SECTIONS);
  const flags = parseFlags(rest, DEFAULTS);
  const result = { bench: 'fine-tuning', node: process.version, flags, sections: only };
  const verdicts = [];
  for (const section of SECTIONS.filter((name) => only.includes(name))) {
    if (only.length > 1) console.log(`\n== ${section} ==`);
    if (section === 'validate') result.validate = await runValidate(flags, verdicts);
    if (section === 'job') result.job = await runJob(verdicts);
  }
  console.log(`\ngoals:\n${verdicts.map((line) => `  ${line}`).join('\n')}`);
  result.verdicts = verdicts;
  console.log(`saved ${saveResult('fine-tuning', result)}`);
}

const fmt = (value, digits = 0) =>
  value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const median = (values) => summarise(values).p50;

async function runValidate(flags, verdicts) {
  const dir = mkdtempSync(join(tmpdir(), 'fine-tuning-bench-'));
  try {
    const started = performance.now();
    const files = await writeDatasets(dir, [flags.small, flags.large]);
    console.log(
      `generated ${files.map((f) => `${fmt(f.bytes / MB, 1)} MB (${fmt(f.lines)} rows, ${f.toolRows} with tool calls)`).join(' and ')} in ${fmt((performance.now() - started) / 1000, 1)} s`,
    );
    const machine = { cores: availableParallelism(), loadAverage: loadavg()[0] };
    console.log(
      `machine: ${machine.cores} cores, 1-minute load average ${fmt(machine.loadAverage, 1)} at the start`,
    );
    const importable = await pythonCanImport('tiktoken, numpy');
    let hasPeer = importable;
    const cacheDir = importable ? await writeTiktokenCache(dir) : undefined;
    const rows = [];
    for (const file of files) {
      const passes = { ours: [], cookbook: [] };
      for (let pass = 0; pass < flags.passes; pass++) {
        passes.ours.push(await nodeWorker('validate', { path: file.path }));
        if (hasPeer)
          try {
            passes.cookbook.push(
              await lastJsonLine('python3', [cookbookScript, JSON.stringify({ path: file.path })], {
                TIKTOKEN_CACHE_DIR: cacheDir,
              }),
            );
          } catch (error) {
            hasPeer = false; // the verdicts need the peer at both sizes
            console.log(`the cookbook script failed; peer skipped:\n${error.stderr ?? error}`);
          }
      }
      for (const [name, list] of Object.entries(passes)) {
        if (list.length === 0) continue;
        const seconds = median(list.map((p) => p.seconds));
        rows.push({
          file,
          name,
          ...list[0],
          seconds,
          linesPerSecond: file.lines / seconds,
          mbPerSecond: file.bytes / MB / seconds,
          peakRssMiB: median(list.map((p) => p.peakRssMiB)),
          ...(name === 'ours' && { liveHeapMiB: median(list.map((p) => p.liveHeapMiB)) }),
        });
      }
    }

    console.log(
      `validation of OpenAI SFT JSONL, cl100k_base (median of ${flags.passes} pass${flags.passes > 1 ? 'es' : ''}, each file and tool in its own process; timed from after the library's import to the report, the cl100k_base table's load included)`,
    );
    console.log(
      `${'file'.padEnd(7)} ${'run'.padEnd(24)} ${'lines/s'.padStart(9)} ${'MB/s'.padStart(6)} ${'seconds'.padStart(8)} ${'peak RSS'.padStart(10)} ${'tokens'.padStart(12)}`,
    );
    for (const row of rows)
      console.log(
        `${`${fmt(row.file.bytes / MB)} MB`.padEnd(7)} ${(row.name === 'ours' ? 'ours (validateDataset)' : 'cookbook (tiktoken)').padEnd(24)} ${fmt(row.linesPerSecond).padStart(9)} ${fmt(row.mbPerSecond, 1).padStart(6)} ${fmt(row.seconds, 1).padStart(8)} ${`${fmt(row.peakRssMiB)} MiB`.padStart(10)} ${fmt(row.tokens).padStart(12)}`,
      );
    if (!importable)
      for (const f of files) console.log(`${fmt(f.bytes / MB)} MB  cookbook ${COOKBOOK_MISSING}`);

    const at = (file, name) => rows.find((r) => r.file === file && r.name === name);
    const [small, large] = files;
    for (const file of files) {
      const ours = at(file, 'ours');
      const issues = Object.entries(ours.counts)
        .map(([code, n]) => `${code} ${n}`)
        .join(', ');
      console.log(
        `${fmt(file.bytes / MB)} MB ours: ${fmt(ours.examples)} valid examples, ${ours.errorCount} errors, ${ours.warningCount} warnings${issues ? ` (${issues})` : ''}`,
      );
      const peer = at(file, 'cookbook');
      if (!peer) continue;
      const errors = Object.entries(peer.formatErrors)
        .map(([code, n]) => `${code} ${n}`)
        .join(', ');
      const expected = ours.tokens - file.toolTokens;
      console.log(
        `${fmt(file.bytes / MB)} MB cookbook: format errors ${errors || 'none'} (the ${file.toolRows} tool-call rows), tokens counted on ${fmt(peer.lines - peer.skippedForTokens)} rows; ours − the tool-call rows' ${fmt(file.toolTokens)} tokens = ${fmt(expected)}: ${expected === peer.tokens ? 'the same total' : `DIFFERS by ${fmt(peer.tokens - expected)}`}`,
      );
    }

    const oursSmall = at(small, 'ours');
    const oursLarge = at(large, 'ours');
    const flat = oursLarge.peakRssMiB / oursSmall.peakRssMiB;
    const result = { machine, files, rows, cookbook: hasPeer, flat };
    if (hasPeer) {
      const speed = files.map((file) => ({
        mb: file.bytes / MB,
        ratio: at(file, 'ours').linesPerSecond / at(file, 'cookbook').linesPerSecond,
      }));
      const memory = oursLarge.peakRssMiB / at(large, 'cookbook').peakRssMiB;
      const speedText = speed.map((s) => `${fmt(s.mb)} MB ${fmt(s.ratio, 2)}×`).join(', ');
      console.log(`ours ÷ cookbook lines/s: ${speedText}  (goal ≥ ${SPEED_GOAL}×)`);
      console.log(
        `peak RSS at ${fmt(large.bytes / MB)} MB: ours ${fmt(oursLarge.peakRssMiB)} MiB, cookbook ${fmt(at(large, 'cookbook').peakRssMiB)} MiB → ${fmt(memory, 2)}×  (goal ≤ ${MEMORY_GOAL}×)`,
      );
      verdicts.push(
        `validation ≥ ${SPEED_GOAL}× the cookbook's lines/s: ${speed.every((s) => s.ratio >= SPEED_GOAL) ? 'met' : 'MISSED'} (${speedText})`,
      );
      verdicts.push(
        `peak memory at ${fmt(large.bytes / MB)} MB ≤ ${MEMORY_GOAL}× the cookbook's: ${memory <= MEMORY_GOAL ? 'met' : 'MISSED'} (${fmt(memory, 2)}×: ${fmt(oursLarge.peakRssMiB)} vs ${fmt(at(large, 'cookbook').peakRssMiB)} MiB)`,
      );
      Object.assign(result, { speed, memory });
    } else {
      const why = importable ? 'the cookbook script failed' : 'no tiktoken';
      verdicts.push(`validation ≥ ${SPEED_GOAL}× the cookbook's lines/s: not measured (${why})`);
      verdicts.push(`peak memory ≤ ${MEMORY_GOAL}× the cookbook's: not measured (${why})`);
    }
    console.log(
      `ours peak RSS ${fmt(large.bytes / MB)} MB ÷ ${fmt(small.bytes / MB)} MB: ${fmt(oursLarge.peakRssMiB)} ÷ ${fmt(oursSmall.peakRssMiB)} MiB = ${fmt(flat, 2)}×  (goal ≤ ${FLAT_GOAL}×)`,
    );
    console.log(
      `ours live heap after a full GC at the end (what the pass retains): ${fmt(oursSmall.liveHeapMiB)} MiB at ${fmt(small.bytes / MB)} MB, ${fmt(oursLarge.liveHeapMiB)} MiB at ${fmt(large.bytes / MB)} MB; the rest of the peak is the runtime, the tokenizer table and heap V8 has grown but not yet collected`,
    );
    verdicts.push(
      `memory flat from ${fmt(small.bytes / MB)} to ${fmt(large.bytes / MB)} MB (peak RSS ratio ≤ ${FLAT_GOAL}×): ${flat <= FLAT_GOAL ? 'met' : 'MISSED'} (${fmt(flat, 2)}×; live heap ${fmt(oursSmall.liveHeapMiB)} → ${fmt(oursLarge.liveHeapMiB)} MiB)`,
    );
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runJob(verdicts) {
  const job = await nodeWorker('job', { rows: 40 });
  console.log(
    `local-llm in-process, a ${job.rows}-row SFT file (packages/trainer/data/sft.jsonl), model tiny-gpt, n_epochs 1; listEvents polled every 100 ms`,
  );
  for (const [name, run] of Object.entries(job.runs))
    console.log(
      `${name.padEnd(5)} create → running ${fmt(run.runningMs)} ms, → first metrics event (step ${run.firstStep} of ${run.totalSteps}) ${fmt(run.firstMetricsMs)} ms, → ${run.status} ${fmt(run.finishedMs)} ms`,
    );
  verdicts.push(
    `job overhead on the local backend (no goal): create → first training step ${fmt(job.runs.cold.firstMetricsMs)} ms on a fresh server, ${fmt(job.runs.warm.firstMetricsMs)} ms for the next job`,
  );
  return job;
}

// ---- the datasets ----

/** mulberry32: a small seeded generator, so every run validates the same bytes. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EN = {
  systems: [
    'You are a helpful assistant. Answer briefly.',
    'You are a patient tutor who explains things step by step.',
    'You are a support agent for an online bookshop. Be polite and precise.',
    'Answer as a senior engineer reviewing a design. Point out risks first.',
    'You are a travel planner. Suggest concrete options with rough costs.',
    'Reply in plain English, without jargon, for a reader who is new to the topic.',
  ],
  topics: [
    'gradient descent',
    'a sourdough starter',
    'compound interest',
    'the Roman road network',
    'garbage collection in V8',
    'container shipping',
    'a heat pump',
    'photosynthesis',
    'database indexes',
    'the French Revolution',
    'learning rate schedules',
    'tide tables',
    'a mechanical watch',
    'vaccine trials',
    'HTTP caching',
    'plate tectonics',
    'jazz harmony',
    'a bicycle gearbox',
    'income tax brackets',
    'rainwater harvesting',
    'tokenizers',
    'the printing press',
    'solar panels on a roof',
    'a marathon training plan',
  ],
  questions: [
    'How does {t} work?',
    'Can you explain {t} to a beginner?',
    'What are the most common mistakes people make with {t}?',
    'Why does {t} matter, and when should I care about it?',
    'Compare {t} with {u}. Which one should I learn first?',
    'Give me three facts about {t} that most people get wrong.',
    'I have been reading about {t} for a week (ticket #{n}). What should I read next?',
  ],
  openers: ['Sure.', 'Good question.', 'In short:', 'Here is the idea.', 'Let me break it down.'],
  subjects: [
    'The key point',
    'A useful rule of thumb',
    'The main risk',
    'What most guides skip',
    'The first step',
    'A simple example',
    'The underlying reason',
    'The trade-off',
  ],
  verbs: ['is that', 'comes down to the fact that', 'usually means that', 'shows that'],
  clauses: [
    '{t} depends on a few inputs that you can measure',
    'small changes early on add up over months',
    'you should check the result against a known answer',
    'the cost grows with the size of the problem, not linearly but close to it',
    'the defaults are good enough for {n} out of 100 cases',
    'people tend to overestimate how much precision they need',
    'it is easier to start with {u} and come back later',
    'a written checklist prevents most of the errors',
    'the numbers only make sense when you compare them with a baseline',
    'history explains more of the design than engineering does',
  ],
};

const ZH = {
  systems: [
    '你是一个乐于助人的助手，请简洁地回答。',
    '你是一位耐心的老师，请一步一步地解释。',
    '你是网上书店的客服，请礼貌而准确地回答。',
    '请用通俗易懂的中文回答，不要使用行话。',
    '你是旅行规划师，请给出具体的方案和大致费用。',
  ],
  topics: [
    '梯度下降',
    '复利',
    '丝绸之路',
    '垃圾回收',
    '集装箱运输',
    '热泵',
    '光合作用',
    '数据库索引',
    '学习率调度',
    '潮汐表',
    '机械手表',
    '疫苗试验',
    '网页缓存',
    '板块构造',
    '中国书法',
    '高铁网络',
    '个人所得税',
    '雨水收集',
    '分词器',
    '活字印刷术',
    '屋顶太阳能板',
    '马拉松训练计划',
    '二十四节气',
  ],
  questions: [
    '{t}是怎么工作的？',
    '能给初学者讲讲{t}吗？',
    '人们在{t}上最常犯哪些错误？',
    '为什么{t}很重要？什么时候需要关心它？',
    '{t}和{u}有什么区别？应该先学哪一个？',
    '关于{t}，有哪三个常见的误解？',
    '我读了一周关于{t}的资料（工单 {n} 号），接下来该读什么？',
  ],
  openers: ['好的。', '这是个好问题。', '简单来说：', '我们一步一步来看。', '先说结论。'],
  subjects: [
    '关键在于',
    '一个实用的经验是',
    '主要的风险是',
    '很多教程忽略的是',
    '第一步是',
    '根本原因是',
  ],
  clauses: [
    '{t}取决于几个可以测量的因素',
    '早期的小变化会在几个月后累积起来',
    '你应该把结果和一个已知的答案对比',
    '成本随着问题规模增长，虽然不是线性的，但很接近',
    '默认设置在一百种情况中有{n}种已经足够',
    '人们往往高估了自己需要的精度',
    '先从{u}开始，之后再回来会更容易',
    '一份书面的检查清单可以避免大多数错误',
    '只有和基准比较时，这些数字才有意义',
    '历史比工程更能解释它的设计',
  ],
};

const NAMES = ['alice', 'bob', 'chen_wei', 'li_na', 'sam'];
const CITIES = ['Shanghai', 'Berlin', 'Nairobi', 'Lima', '北京', '成都'];

function makeRow(rand) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const zh = rand() < 0.45;
  const lang = zh ? ZH : EN;
  const fill = (text, t, u) =>
    text
      .replaceAll('{t}', t)
      .replaceAll('{u}', u)
      .replaceAll('{n}', String(1 + Math.floor(rand() * 99_999)));
  const sentence = (t, u) =>
    zh
      ? `${pick(lang.subjects)}${fill(pick(lang.clauses), t, u)}。`
      : `${pick(lang.subjects)} ${pick(lang.verbs)} ${fill(pick(lang.clauses), t, u)}.`;
  const messages = [];
  if (rand() < 0.9) messages.push({ role: 'system', content: pick(lang.systems) });
  if (rand() < 0.01) return toolRow(rand, pick, zh, messages);
  const turns = rand() < 0.6 ? 1 : rand() < 0.75 ? 2 : 3;
  for (let turn = 0; turn < turns; turn++) {
    const t = pick(lang.topics);
    const u = pick(lang.topics);
    const user = { role: 'user', content: fill(pick(lang.questions), t, u) };
    if (rand() < 0.05) user.name = pick(NAMES);
    messages.push(user);
    // Mostly short answers, a few long ones, so the token distribution has a tail.
    const sentences =
      rand() < 0.02 ? 40 + Math.floor(rand() * 60) : 1 + Math.floor(rand() ** 2 * 12);
    const parts = [pick(lang.openers)];
    for (let i = 0; i < sentences; i++) parts.push(sentence(t, u));
    messages.push({ role: 'assistant', content: parts.join(zh ? '' : ' ') });
  }
  return { row: { messages }, tool: false };
}

function toolRow(rand, pick, zh, messages) {
  const city = pick(CITIES);
  const id = `call_${Math.floor(rand() * 1e12).toString(36)}`;
  const celsius = Math.round(rand() * 35);
  messages.push(
    {
      role: 'user',
      content: zh ? `${city}现在天气怎么样？` : `What is the weather in ${city} right now?`,
    },
    {
      role: 'assistant',
      content: null,
      tool_calls: [
        {
          id,
          type: 'function',
          function: { name: 'get_weather', arguments: JSON.stringify({ city, unit: 'celsius' }) },
        },
      ],
    },
    { role: 'tool', tool_call_id: id, content: JSON.stringify({ city, celsius, sky: 'clear' }) },
    {
      role: 'assistant',
      content: zh ? `${city}现在晴，${celsius}°C。` : `It is clear in ${city}, ${celsius} °C.`,
    },
  );
  const tools = [
    {
      type: 'function',
      function: {
        name: 'get_weather',
        description: 'Current weather for a city',
        parameters: {
          type: 'object',
          properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius'] } },
          required: ['city'],
        },
      },
    },
  ];
  return { row: { messages, tools }, tool: true };
}

/**
 * One seeded stream of rows: the small file is the first `sizes[0]` MB of the large one (each file
 * ends with the row that takes it past its size). Returns each file's path, bytes, lines, tool-call
 * rows and those rows' tokens as ours counts them (the cookbook leaves them out).
 */
async function writeDatasets(dir, sizes) {
  const { loadTokenizer, countExampleTokens } = await import(fineTuningDist);
  const tokenizer = await loadTokenizer('cl100k_base');
  const rand = random(16);
  const files = await Promise.all(
    sizes.map(async (mb) => {
      const path = join(dir, `sft-${mb}mb.jsonl`);
      return { path, handle: await open(path, 'w'), target: mb * MB, chunk: [], chunkBytes: 0 };
    }),
  );
  const stats = files.map(() => ({ bytes: 0, lines: 0, toolRows: 0, toolTokens: 0 }));
  const flush = async (file) => {
    await file.handle.write(file.chunk.join(''));
    file.chunk = [];
    file.chunkBytes = 0;
  };
  while (stats.some((s, i) => s.bytes < files[i].target)) {
    const { row, tool } = makeRow(rand);
    const line = JSON.stringify(row) + '\n';
    const bytes = Buffer.byteLength(line);
    const tokens = tool ? countExampleTokens(row, 'sft', tokenizer).total : 0;
    for (const [i, file] of files.entries()) {
      const s = stats[i];
      if (s.bytes >= file.target) continue;
      s.bytes += bytes;
      s.lines += 1;
      if (tool) {
        s.toolRows += 1;
        s.toolTokens += tokens;
      }
      file.chunk.push(line);
      file.chunkBytes += bytes;
      if (file.chunkBytes > 1 << 20) await flush(file);
    }
  }
  for (const file of files) {
    await flush(file);
    await file.handle.close();
  }
  return files.map((file, i) => ({ path: file.path, ...stats[i] }));
}

/**
 * tiktoken's cache file for cl100k_base (`base64(token) rank` per line, by rank) from js-tiktoken's
 * bundled ranks, at `<dir>/<sha1 of the blob URL>`, so tiktoken never downloads it.
 */
async function writeTiktokenCache(dir) {
  const { default: ranks } = await import('js-tiktoken/ranks/cl100k_base');
  const entries = [];
  for (const line of ranks.bpe_ranks.split('\n')) {
    if (!line) continue;
    const [, offset, ...tokens] = line.split(' ');
    tokens.forEach((token, i) => entries.push([Number(offset) + i, token]));
  }
  entries.sort((a, b) => a[0] - b[0]);
  const text = entries.map(([rank, token]) => `${token} ${rank}\n`).join('');
  if (createHash('sha256').update(text).digest('hex') !== CL100K_SHA256)
    console.log(
      "warning: the cl100k_base file built from js-tiktoken differs from OpenAI's; tiktoken will try to download it",
    );
  const cacheDir = join(dir, 'tiktoken-cache');
  mkdirSync(cacheDir);
  writeFileSync(join(cacheDir, createHash('sha1').update(CL100K_URL).digest('hex')), text);
  return cacheDir;
}

// ---- workers: one measured run each, in its own process, printing one JSON line ----

const peakRssMiB = () => process.resourceUsage().maxRSS / 1024;

/** The heap still reachable with `kept` alive, after a full collection: what the pass retains. */
function liveHeapMiB(kept) {
  globalThis.gc?.();
  return kept && globalThis.gc ? process.memoryUsage().heapUsed / 1024 / 1024 : undefined;
}

async function validateWorker({ path }) {
  const { validateDataset } = await import(fineTuningDist);
  const started = performance.now();
  const report = await validateDataset(path, { model: MODEL, format: 'sft' });
  const seconds = (performance.now() - started) / 1000;
  if (report.limits.encoding !== 'cl100k_base')
    throw new Error(`${MODEL} resolved to ${report.limits.encoding}, not cl100k_base`);
  return {
    seconds,
    lines: report.stats.lines,
    examples: report.stats.examples,
    errorCount: report.errorCount,
    warningCount: report.warningCount,
    counts: report.counts,
    tokens: report.stats.tokensPerExample.total,
    encoding: report.limits.encoding,
    peakRssMiB: peakRssMiB(),
    liveHeapMiB: liveHeapMiB(report),
  };
}

/** Two jobs on one in-process server: create → running and → first metrics event, by polling. */
async function jobWorker({ rows }) {
  const { startLocalLlmServer } = await import(localLlmDist);
  const { default: OpenAI } = await import('openai');
  const dir = mkdtempSync(join(tmpdir(), 'fine-tuning-bench-job-'));
  const server = await startLocalLlmServer({ port: 0, dataDir: join(dir, 'data') });
  try {
    const lines = readFileSync(trainerSft, 'utf8').split('\n').filter(Boolean).slice(0, rows);
    const path = join(dir, 'sft-40.jsonl');
    writeFileSync(path, lines.join('\n') + '\n');
    const client = new OpenAI({ apiKey: 'unused', baseURL: server.baseURL });
    const file = await client.files.create({ file: createReadStream(path), purpose: 'fine-tune' });
    const runs = {};
    for (const name of ['cold', 'warm']) {
      const started = performance.now();
      const job = await client.fineTuning.jobs.create({
        model: 'tiny-gpt',
        training_file: file.id,
        suffix: `bench-${name}`,
        method: { type: 'supervised', supervised: { hyperparameters: { n_epochs: 1 } } },
      });
      let runningMs;
      for (;;) {
        const page = await client.fineTuning.jobs.listEvents(job.id, { limit: 100 });
        const events = page.data;
        if (runningMs === undefined && events.some((e) => e.message === 'Fine-tuning job started'))
          runningMs = performance.now() - started;
        const metrics = events.filter((e) => e.type === 'metrics');
        if (metrics.length > 0) {
          const first = metrics.at(-1); // newest first
          runs[name] = {
            runningMs: runningMs ?? performance.now() - started,
            firstMetricsMs: performance.now() - started,
            firstStep: first.data?.step,
            totalSteps: first.data?.total_steps,
          };
          break;
        }
        const current = await client.fineTuning.jobs.retrieve(job.id);
        if (['failed', 'cancelled'].includes(current.status))
          throw new Error(`job ${job.id} ${current.status}: ${JSON.stringify(current.error)}`);
        if (performance.now() - started > 120_000) throw new Error('no metrics event in 2 minutes');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      // Jobs train one at a time, and a cancelled one only stops after its current step: let it
      // finish (a few steps) so the next job is not queued behind it.
      let status = job.status;
      while (!['succeeded', 'failed', 'cancelled'].includes(status)) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        status = (await client.fineTuning.jobs.retrieve(job.id)).status;
      }
      runs[name].finishedMs = performance.now() - started;
      runs[name].status = status;
    }
    return { rows: lines.length, runs };
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const WORKERS = { validate: validateWorker, job: jobWorker };

if (process.argv[1] === self && process.argv[2] === 'worker') {
  const line = await WORKERS[process.argv[3]](JSON.parse(process.argv[4]));
  console.log(JSON.stringify(line));
}
