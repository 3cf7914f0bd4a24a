// `npm run bench -- tools [--rounds 300] [--warmup 30] [--calls 1000] [--connects 10]`
// 1. Tool-loop overhead: "What's the weather in Paris?" against local-llm on a port (it answers
//    with a getCurrentWeather call, then with the tool result). Ours is the ChatClient with
//    .tools(weather), .call() and .stream(); the peer is the raw openai SDK doing the same two
//    requests by hand and running the tool itself. Interleaved question by question; each answer
//    is checked against the peer's. A turn is split at the start of the second request: turn 1 =
//    first completion + running the tool, turn 2 = the completion that answers.
// 2. MCP tools/call latency, stdio vs Streamable HTTP, our adapter vs the SDK Client (mcp-latency.mjs).
import OpenAI from 'openai';
import { createChatClient } from '@repo/chat';
import { createProvider } from '@repo/providers';
import { createWeatherTool } from '@repo/tools';
import { measureMcp, printMcpTable } from './mcp-latency.mjs';
import { parseFlags, saveResult, startLocalLlm, summarise, trackPeakRss } from './lib.mjs';

const question = "What's the weather in Paris?";
const weather = createWeatherTool();
const tools = [
  {
    type: 'function',
    function: {
      name: weather.name,
      description: weather.description,
      parameters: weather.parameters,
    },
  },
];

export async function run(args) {
  const flags = parseFlags(args, { rounds: 300, warmup: 30, calls: 1000, connects: 10 });
  const llm = await startLocalLlm();
  let loop;
  try {
    loop = await measureToolLoop(llm.baseURL, flags);
  } finally {
    llm.stop();
  }
  const mcp = await measureMcp({
    calls: flags.calls,
    warmup: flags.warmup,
    connects: flags.connects,
  });
  const result = { bench: 'tools', node: process.version, flags, loop, mcp };
  printTables(result);
  console.log(`saved ${saveResult('tools', result)}`);
}

/** A fetch that notes when each request starts, to split a question into its two turns. */
function markingFetch(marks) {
  return (input, init) => {
    marks.push(performance.now());
    return fetch(input, init);
  };
}

function makeClients(baseURL) {
  return ['call', 'stream'].flatMap((mode) => {
    const ours = { name: 'ours', mode, marks: [] };
    const provider = createProvider('openai', {
      apiKey: 'bench',
      baseURL,
      model: 'local',
      retry: { maxRetries: 0 },
      fetch: markingFetch(ours.marks),
    });
    const chat = createChatClient(provider.chat());
    ours.ask = async () => {
      const spec = chat.prompt(question).tools(weather);
      return (await (mode === 'call' ? spec.call() : spec.stream().collect())).content;
    };
    const raw = { name: 'raw SDK', mode, marks: [] };
    const sdk = new OpenAI({
      apiKey: 'bench',
      baseURL,
      maxRetries: 0,
      fetch: markingFetch(raw.marks),
    });
    raw.ask = () => askByHand(sdk, mode === 'stream');
    return [ours, raw];
  });
}

/** What a user of the raw SDK writes: ask, run the requested tools, ask again with the results. */
async function askByHand(sdk, stream) {
  const messages = [{ role: 'user', content: question }];
  const first = await complete(sdk, messages, stream);
  const results = await Promise.all(
    (first.tool_calls ?? []).map(async (call) => {
      const output = await weather.execute(JSON.parse(call.function.arguments), {
        toolCallId: call.id,
        context: {},
        messages: [],
      });
      return { role: 'tool', tool_call_id: call.id, content: JSON.stringify(output) };
    }),
  );
  return (await complete(sdk, [...messages, first, ...results], stream)).content;
}

async function complete(sdk, messages, stream) {
  const body = { model: 'local', messages, tools };
  if (!stream) return (await sdk.chat.completions.create(body)).choices[0].message;
  const chunks = await sdk.chat.completions.create({
    ...body,
    stream: true,
    stream_options: { include_usage: true }, // ours asks for usage too
  });
  const message = { role: 'assistant', content: '', tool_calls: [] };
  for await (const chunk of chunks) {
    const delta = chunk.choices[0]?.delta;
    if (delta?.content) message.content += delta.content;
    for (const part of delta?.tool_calls ?? []) {
      message.tool_calls[part.index] ??= {
        id: '',
        type: 'function',
        function: { name: '', arguments: '' },
      };
      const call = message.tool_calls[part.index];
      if (part.id) call.id = part.id;
      call.function.name += part.function?.name ?? '';
      call.function.arguments += part.function?.arguments ?? '';
    }
  }
  if (message.tool_calls.length === 0) delete message.tool_calls;
  message.content ||= null; // as the non-streamed message has it, so both send the same bytes
  return message;
}

/** One question; the answer is checked and the two turns timed. */
async function ask(client) {
  client.marks.length = 0;
  const started = performance.now();
  const answer = await client.ask();
  const ended = performance.now();
  if (client.marks.length !== 2)
    throw new Error(`${client.name} ${client.mode}: ${client.marks.length} requests, expected 2`);
  return {
    answer,
    total: ended - started,
    turn1: client.marks[1] - started,
    turn2: ended - client.marks[1],
  };
}

async function measureToolLoop(baseURL, { rounds, warmup }) {
  const clients = makeClients(baseURL);
  const expected = (await ask(clients.find((c) => key(c) === 'raw SDK call'))).answer;
  if (!/Paris/.test(expected) || !/Sunny|temperature/.test(expected))
    throw new Error(`the model did not answer from the tool: ${expected}`);
  const samples = Object.fromEntries(
    clients.map((c) => [key(c), { total: [], turn1: [], turn2: [] }]),
  );
  const memory = trackPeakRss();
  for (let i = -warmup; i < rounds; i++) {
    for (let k = 0; k < clients.length; k++) {
      const client = clients[(i + warmup + k) % clients.length];
      const { answer, ...times } = await ask(client);
      if (answer !== expected)
        throw new Error(
          `${key(client)} answered differently:\n  ${answer}\nvs raw SDK call:\n  ${expected}`,
        );
      if (i >= 0)
        for (const [name, ms] of Object.entries(times)) samples[key(client)][name].push(ms);
    }
    if (i % 50 === 49)
      process.stderr.write(`\rtools bench: tool loop ${i + 1}/${rounds} questions each`);
  }
  process.stderr.write('\n');
  const peakRssMiB = memory.stop();
  const stats = Object.fromEntries(
    Object.entries(samples).map(([k, s]) => [
      k,
      Object.fromEntries(Object.entries(s).map(([t, v]) => [t, summarise(v)])),
    ]),
  );
  const ratios = {};
  for (const mode of ['call', 'stream']) {
    const ours = stats[`ours ${mode}`];
    const raw = stats[`raw SDK ${mode}`];
    ratios[mode] = {
      questionP50: ours.total.p50 / raw.total.p50,
      questionP95: ours.total.p95 / raw.total.p95,
      turn1P50: ours.turn1.p50 / raw.turn1.p50,
      turn2P50: ours.turn2.p50 / raw.turn2.p50,
      overheadPerTurnMs: (ours.total.p50 - raw.total.p50) / 2,
    };
  }
  return { stats, ratios, peakRssMiB, answer: expected };
}

const key = (client) => `${client.name} ${client.mode}`;
const ms = (value) => value.toFixed(3);

function printTables({ loop, mcp }) {
  console.table(
    Object.entries(loop.stats).map(([client, s]) => ({
      'tool loop': client,
      questions: s.total.n,
      'p50 ms': ms(s.total.p50),
      'p95 ms': ms(s.total.p95),
      'turn 1 p50': ms(s.turn1.p50),
      'turn 2 p50': ms(s.turn2.p50),
    })),
  );
  for (const [mode, r] of Object.entries(loop.ratios))
    console.log(
      `ours/raw ${mode}(): question p50 ${r.questionP50.toFixed(3)}×, p95 ${r.questionP95.toFixed(3)}×; ` +
        `turn 1 ${r.turn1P50.toFixed(3)}×, turn 2 ${r.turn2P50.toFixed(3)}×; ` +
        `overhead ${(r.overheadPerTurnMs * 1000).toFixed(0)} µs per turn (p50)`,
    );
  console.log(`tool loop peak RSS ${loop.peakRssMiB.toFixed(0)} MiB`);
  printMcpTable(mcp);
}
