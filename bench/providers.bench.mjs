// `npm run bench -- providers [--calls 2000] [--rounds 10]`: sequential chat calls against
// local-llm on a port (a separate process, so its CPU is not charged to the clients) through our
// ChatModel, the raw openai SDK and LangChain's ChatOpenAI, interleaved in rounds so drift in the
// machine's load hits all three alike. Target: ours ≤ 1.05× raw SDK at p50, ahead of LangChain.
import { performance } from 'node:perf_hooks';
import { ChatOpenAI } from '@langchain/openai';
import OpenAI from 'openai';
import { userMessage } from '@repo/core';
import { createOpenAICompatibleChatModel } from '@repo/providers';
import { parseFlags, saveResult, startLocalLlm, summarise, trackPeakRss } from './lib.mjs';

const prompt = 'Hello from the bench. 你好！';

export async function run(args) {
  const { calls, rounds, warmup } = parseFlags(args, { calls: 2000, rounds: 10, warmup: 100 });
  const server = await startLocalLlm();
  try {
    const clients = makeClients(server.baseURL);
    for (const client of clients) for (let i = 0; i < warmup; i++) await client.call();
    const samples = Object.fromEntries(clients.map((client) => [client.name, []]));
    const perRound = Math.ceil(calls / rounds);
    const memory = trackPeakRss();
    for (let round = 0; round < rounds; round++) {
      // Rotate the order each round so no client always runs first (warm caches, GC debt).
      const order = clients.map((_, i) => clients[(i + round) % clients.length]);
      for (const client of order) {
        for (let i = 0; i < perRound; i++) {
          const started = performance.now();
          await client.call();
          samples[client.name].push(performance.now() - started);
        }
      }
      process.stderr.write(`\rproviders bench: round ${round + 1}/${rounds}`);
    }
    process.stderr.write('\n');
    const peakRssMiB = memory.stop();
    const stats = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarise(v)]));
    const raw = stats['openai SDK'];
    const result = {
      bench: 'providers',
      callsPerClient: perRound * rounds,
      node: process.version,
      stats,
      ratios: {
        oursVsRawP50: stats.ours.p50 / raw.p50,
        oursVsRawP99: stats.ours.p99 / raw.p99,
        langchainVsRawP50: stats['LangChain ChatOpenAI'].p50 / raw.p50,
      },
      peakRssMiB,
    };
    printTable(result);
    console.log(`saved ${saveResult('providers', result)}`);
  } finally {
    server.stop();
  }
}

function makeClients(baseURL) {
  const raw = new OpenAI({ apiKey: 'bench', baseURL, maxRetries: 0 });
  const ours = createOpenAICompatibleChatModel({
    provider: 'local',
    model: 'local',
    apiKey: 'bench',
    baseURL,
  });
  const langchain = new ChatOpenAI({
    model: 'local',
    apiKey: 'bench',
    maxRetries: 0,
    configuration: { baseURL },
  });
  const messages = [userMessage(prompt)];
  return [
    {
      name: 'openai SDK',
      call: () =>
        raw.chat.completions.create({
          model: 'local',
          messages: [{ role: 'user', content: prompt }],
        }),
    },
    { name: 'ours', call: () => ours.call({ messages }) },
    { name: 'LangChain ChatOpenAI', call: () => langchain.invoke(prompt) },
  ];
}

function printTable(result) {
  const rows = Object.entries(result.stats).map(([name, s]) => ({
    client: name,
    calls: s.n,
    'p50 ms': s.p50.toFixed(3),
    'p99 ms': s.p99.toFixed(3),
    'mean ms': s.mean.toFixed(3),
  }));
  console.table(rows);
  const r = result.ratios;
  console.log(
    `ours/raw p50 ${r.oursVsRawP50.toFixed(3)}× (target ≤ 1.05×: ${r.oursVsRawP50 <= 1.05 ? 'met' : 'MISSED'}), ` +
      `ours/raw p99 ${r.oursVsRawP99.toFixed(3)}×, LangChain/raw p50 ${r.langchainVsRawP50.toFixed(3)}× ` +
      `(ours ahead of LangChain: ${r.oursVsRawP50 < r.langchainVsRawP50 ? 'yes' : 'NO'}), peak RSS ${result.peakRssMiB.toFixed(0)} MiB`,
  );
}
