// `npm run bench -- providers [--calls 2000] [--warmup 100]`: sequential chat calls against
// local-llm on a port (a separate process, so its CPU is not charged to the clients) through our
// ChatModel, the raw openai SDK and LangChain's ChatOpenAI, interleaved call by call.
// Target: ours ≤ 1.05× the raw SDK at p50, and ahead of LangChain.
import { performance } from 'node:perf_hooks';
import { ChatOpenAI } from '@langchain/openai';
import OpenAI from 'openai';
import { userMessage } from '@repo/core';
import { createOpenAICompatibleChatModel } from '@repo/providers';
import { parseFlags, saveResult, startLocalLlm, summarise, trackPeakRss } from './lib.mjs';

const prompt = 'Hello from the bench. 你好！';

export async function run(args) {
  const { calls, warmup } = parseFlags(args, { calls: 2000, warmup: 100 });
  const server = await startLocalLlm();
  try {
    const clients = makeClients(server.baseURL);
    for (const client of clients) for (let i = 0; i < warmup; i++) await client.call();
    const samples = Object.fromEntries(clients.map((client) => [client.name, []]));
    const memory = trackPeakRss();
    // Call by call, rotating which client goes first, so load drift on this shared machine hits
    // all three alike (blocks of calls per client swung the ratio by ±5% between runs).
    for (let i = 0; i < calls; i++) {
      for (let k = 0; k < clients.length; k++) {
        const client = clients[(i + k) % clients.length];
        const started = performance.now();
        await client.call();
        samples[client.name].push(performance.now() - started);
      }
      if (i % 200 === 199) process.stderr.write(`\rproviders bench: ${i + 1}/${calls} calls each`);
    }
    process.stderr.write('\n');
    const peakRssMiB = memory.stop();
    const stats = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarise(v)]));
    const raw = stats['openai SDK'];
    const result = {
      bench: 'providers',
      callsPerClient: calls,
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
