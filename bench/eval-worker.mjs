// One measured pass of the eval bench, in its own process so its peak memory is its own:
// `node eval-worker.mjs <ours|raw> <baseURL> <cases> <concurrency>` prints one JSON line.
// ours = runSuite over a generated suite (3 assertions per case, no cache); raw = the openai SDK
// in a hand-written pool of the same size, checking the same substring, nothing else.
import OpenAI from 'openai';
import { createModelResolver, parseSuite, runSuite } from '@repo/evaluation';
import { trackPeakRss } from './lib.mjs';

const [mode, baseURL, casesArg, concurrencyArg] = process.argv.slice(2);
const cases = Number(casesArg);
const concurrency = Number(concurrencyArg);
const items = Array.from({ length: cases }, (_, index) => ({
  question: `Where is lamp ${index}?`,
  context: `Lamp ${index} is in room ${index % 97}. The door is blue.`,
  expected: `room ${index % 97}`,
}));
const prompt = (item) => `Context: ${item.context}\nQuestion: ${item.question}`;

async function ours() {
  const suite = parseSuite({
    prompts: ['Context: {{context}}\nQuestion: {{question}}'],
    providers: ['openai:local'],
    tests: items.map((vars) => ({
      vars,
      assert: [
        { type: 'icontains', value: '{{expected}}' },
        { type: 'f1', value: '{{context}}', threshold: 0.3 },
        { type: 'latency', threshold: 10_000 },
      ],
    })),
  });
  const models = createModelResolver({
    env: { OPENAI_API_KEY: 'bench', OPENAI_BASE_URL: baseURL },
    retry: { maxRetries: 0 },
  });
  const run = await runSuite(suite, { models, concurrency, cache: false });
  return { passed: run.summary.passed, errors: run.summary.errors };
}

async function raw() {
  const client = new OpenAI({ apiKey: 'bench', baseURL, maxRetries: 0 });
  let next = 0;
  let passed = 0;
  let errors = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      try {
        const completion = await client.chat.completions.create({
          model: 'local',
          messages: [{ role: 'user', content: prompt(item) }],
        });
        if ((completion.choices[0]?.message.content ?? '').toLowerCase().includes(item.expected))
          passed++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { passed, errors };
}

const rss = trackPeakRss();
const cpu = process.cpuUsage();
const started = performance.now();
const outcome = mode === 'ours' ? await ours() : await raw();
const wallMs = performance.now() - started;
const { user, system } = process.cpuUsage(cpu);
console.log(
  JSON.stringify({
    mode,
    wallMs,
    cpuMs: (user + system) / 1000,
    peakRssMiB: rss.stop(),
    heapUsedMiB: process.memoryUsage().heapUsed / 1048576,
    ...outcome,
  }),
);
process.exit(0);
