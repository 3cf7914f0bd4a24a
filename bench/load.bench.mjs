// `npm run bench -- load [--apps a,b] [--duration 15] [--multiplier 4] [--in-flight 16]
//   [--queued 32] [--timeout 10] [--interval 50] [--no-baseline] [--llm embedded|port]`
// Each app overloaded: started as its own process with small explicit admission limits
// (HTTP_MAX_IN_FLIGHT, HTTP_MAX_QUEUED), one model-calling or writing endpoint is driven by
// autocannon with multiplier × (in-flight + queued) connections for `duration` seconds, while two
// probes in their own threads poll GET /health one request at a time every `interval` ms, one on
// a new connection each time, one on a kept-alive connection. Reported per app: accepted (2xx),
// rejected with 429 (and whether each carried Retry-After), failed (5xx, other statuses,
// connection errors, client timeouts, 2xx with a wrong body), how many connections got any answer,
// accepted/s, p50/p99 of accepted requests, /health p50/p99/max under that load, the app's peak
// RSS, and for the writing endpoint the accepted writes missing from the store afterwards. The
// baseline, in the same run, is the same load on the same app with refusals off
// (HTTP_MAX_IN_FLIGHT=10000, HTTP_MAX_QUEUED=100000): nothing is refused and every request waits;
// the in-flight limit still follows the event loop's delay. Goals, printed, not asserted: zero failed,
// /health p99 under 100 ms while overloaded, zero accepted writes lost.
// The model is the embedded one, in the app's process, by default; `--llm port` points every app
// at local-llm in its own process through the OpenAI preset, so a model call waits on the network
// as it does with a hosted provider.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import autocannon from 'autocannon';
import { freePort, parseFlags, saveResult, startLocalLlm, summarise, waitForHttp } from './lib.mjs';

const appsDir = new URL('../apps/', import.meta.url).pathname;
const json = { 'content-type': 'application/json' };
const OFF = { inFlight: 10_000, queued: 100_000 };
const HEALTH_GOAL_MS = 100;

/**
 * The apps under load, one entry each: the request autocannon repeats (`setupRequest` varies it
 * per request), `check` for a 2xx body, `env` beside the limits (given the app's temporary
 * folder), `setup` before the load and `verify` after it (given what the run saw).
 */
const APPS = [
  {
    name: 'chat-demo',
    request: {
      method: 'POST',
      path: '/api/chat',
      headers: json,
      body: JSON.stringify({
        messages: [{ role: 'user', content: 'Hello from the load bench. 你好！' }],
      }),
    },
    check: (body) => body.includes('local-llm'),
  },
  chatMemoryDemo(),
  {
    name: 'tool-calling-demo',
    request: {
      method: 'POST',
      path: '/api/tools/chat',
      headers: json,
      body: JSON.stringify({ message: 'What is the weather in Paris and London?' }),
    },
    check: (body) => body.includes('"toolCalls"') && body.includes('Paris'),
  },
  {
    name: 'mcp-client-demo',
    request: {
      method: 'GET',
      path: `/api/chat/ai?userInput=${encodeURIComponent('北京天气怎么样？')}`,
    },
    check: (body) => body.includes('getCurrentWeather'),
  },
  {
    name: 'mcp-weather-server',
    request: {
      method: 'POST',
      path: '/mcp',
      headers: { ...json, accept: 'application/json, text/event-stream' },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'tools/call',
        params: { name: 'getCurrentWeather', arguments: { city: '北京' } },
      }),
    },
    check: (body) => body.includes('"structuredContent"') && !body.includes('"isError":true'),
  },
  {
    name: 'rag-demo',
    env: (dir) => ({ DATABASE_URL: `file:${join(dir, 'pglite')}` }),
    // The sample corpus ingested first, so questions retrieve and cite chunks.
    setup: ingestRagCorpus,
    request: {
      method: 'POST',
      path: '/api/rag/ask',
      headers: json,
      body: JSON.stringify({ question: 'What does error code E7 mean?' }),
    },
    check: (body) => body.includes('"citations"') && body.includes('E7'),
  },
  {
    name: 'evaluation-demo',
    env: (dir) => ({ DATABASE_URL: `file:${join(dir, 'pglite')}` }),
    request: {
      method: 'POST',
      path: '/api/eval/relevancy',
      headers: json,
      body: JSON.stringify({
        question: '明朝有多少位皇帝？',
        context: ['明朝从1368年延续到1644年，共有十六位皇帝。开国皇帝是朱元璋。'],
      }),
    },
    check: (body) => body.includes('"score"') && body.includes('"answer"'),
  },
  {
    name: 'feedback-demo',
    env: (dir) => ({ DATABASE_URL: `file:${join(dir, 'pglite')}` }),
    // A campaign's candidates generated first: the thumbs name one of them.
    setup: createFeedbackCampaign,
    request: {
      method: 'POST',
      path: '/api/feedback/thumbs',
      headers: json,
      // No client id: every request is a new row (a write), not an idempotent replay.
      body: JSON.stringify({ responseId: 'load:0:local-detailed', value: 'up', reasons: ['清楚'] }),
    },
    check: (body) => body.includes('"created":true'),
  },
];

/** feedback-demo: one campaign, generated to the end (its progress stream closes on `done`). */
async function createFeedbackCampaign(url) {
  const created = await fetch(`${url}/api/feedback/campaigns`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      id: 'load',
      name: 'load',
      prompts: ['什么是奖励模型？'],
      models: ['local-detailed', 'local-brief'],
    }),
  });
  if (created.status !== 201)
    throw new Error(`campaign: ${created.status} ${await created.text()}`);
  await (await fetch(`${url}/api/feedback/campaigns/load/events`)).text();
}

/** rag-demo's corpus: ingested (at once, or as a job), then searchable. */
async function ingestRagCorpus(url) {
  const ingest = await fetch(`${url}/api/rag/ingest`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ path: '.' }),
  });
  if (!ingest.ok) throw new Error(`ingest: ${ingest.status} ${await ingest.text()}`);
  await ingest.arrayBuffer();
  for (let tries = 0; tries < 120; tries++) {
    const search = await fetch(`${url}/api/rag/search`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ query: 'error code E7', topK: 1 }),
    });
    const found = await search.text();
    if (search.ok && found.includes('E7')) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('ingest: the corpus was not searchable after 60 s');
}

/**
 * chat-memory-demo: appends to ONE conversation (the contended case) on a PGlite folder. Every
 * message is unique and the embedded model echoes it, so each accepted append is looked for in the
 * store afterwards: a user message followed by its answer.
 */
function chatMemoryDemo() {
  const conversationId = 'load-bench';
  let seq = 0;
  const acceptedIds = new Set();
  let unidentified = 0;
  return {
    name: 'chat-memory-demo',
    env: (dir) => ({ DATABASE_URL: `file:${join(dir, 'pglite')}`, MEMORY_STORE: 'sql' }),
    request: {
      method: 'POST',
      path: '/api/test/chat',
      headers: json,
      body: JSON.stringify({ message: 'load-warmup', conversationId: 'load-warmup' }),
    },
    setupRequest: (req) => ({
      ...req,
      body: JSON.stringify({ message: `load-append-${++seq}`, conversationId }),
    }),
    check: (body) => body.includes('local-llm'),
    onAccepted: (body) => {
      const id = /load-append-(\d+)/.exec(body)?.[1];
      if (id) acceptedIds.add(`load-append-${id}`);
      else unidentified++;
    },
    reset: () => {
      seq = 0;
      acceptedIds.clear();
      unidentified = 0;
    },
    async verify(url, { accepted }) {
      const stored = await settledMessages(`${url}/api/conversations/${conversationId}/messages`);
      const answered = new Set();
      let orphanUserMessages = 0;
      stored.forEach((message, i) => {
        if (message.role !== 'user') return;
        const text = message.parts?.map((part) => part.text ?? '').join('') ?? '';
        if (stored[i + 1]?.role === 'assistant') answered.add(text);
        else orphanUserMessages++;
      });
      const missing = [...acceptedIds].filter((id) => !answered.has(id)).length;
      return {
        storedMessages: stored.length,
        expectedMessages: 2 * accepted,
        // Accepted appends whose user message and answer are not both stored; when some accepted
        // answers did not echo their message, the shortfall of the count instead.
        lostWrites:
          unidentified === 0
            ? missing
            : Math.max(missing, Math.ceil((2 * accepted - stored.length) / 2)),
        unidentifiedAccepted: unidentified,
        orphanUserMessages,
        // Stored turns no client saw answered (it timed out, or the run ended while in flight).
        storedUnacknowledged: [...answered].filter((text) => !acceptedIds.has(text)).length,
      };
    },
  };
}

/** The conversation's messages once nothing is still being appended (stable for 1 s). */
async function settledMessages(url) {
  let last = -1;
  for (let tries = 0; tries < 120; tries++) {
    const response = await fetch(url);
    if (response.status === 404) return [];
    if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
    const messages = await response.json();
    if (messages.length === last) return messages;
    last = messages.length;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`${url}: still growing after 2 minutes`);
}

export async function run(args) {
  const { rest, apps: only, baseline, llm } = splitArgs(args);
  const flags = parseFlags(rest, {
    duration: 15,
    multiplier: 4,
    'in-flight': 16,
    queued: 32,
    timeout: 10,
    interval: 50,
  });
  const unknown = only.filter((name) => !APPS.some((app) => app.name === name));
  if (unknown.length)
    throw new Error(
      `unknown app ${unknown.join(', ')}; known: ${APPS.map((a) => a.name).join(', ')}`,
    );
  const selected = only.length ? APPS.filter((app) => only.includes(app.name)) : APPS;
  const limited = { inFlight: flags['in-flight'], queued: flags.queued };
  const connections = flags.multiplier * (limited.inFlight + limited.queued);
  const results = [];
  const port = llm === 'port' ? await startLocalLlm() : undefined;
  const stopPort = () => port?.stop();
  process.once('exit', stopPort);
  try {
    await loadEach();
  } finally {
    stopPort();
    process.off('exit', stopPort);
  }
  report(results, {
    ...flags,
    connections,
    apps: selected.map((app) => app.name),
    baseline,
    llm,
  });

  async function loadEach() {
    for (const app of selected) {
      for (const [mode, limits] of baseline
        ? [
            ['limited', limited],
            ['baseline', OFF],
          ]
        : [['limited', limited]]) {
        process.stderr.write(
          `load bench: ${app.name} (${mode}: in-flight ${limits.inFlight}, queued ${limits.queued}), ${connections} connections for ${flags.duration} s\n`,
        );
        try {
          results.push({
            app: app.name,
            mode,
            limits,
            ...(await loadApp(app, { limits, connections, flags, llmURL: port?.baseURL })),
          });
        } catch (error) {
          results.push({ app: app.name, mode, limits, error: error.message });
          process.stderr.write(`load bench: ${app.name} (${mode}) did not run: ${error.message}\n`);
        }
      }
    }
  }
}

function splitArgs(args) {
  const rest = [];
  let apps = [];
  let baseline = true;
  let llm = 'embedded';
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--no-baseline') baseline = false;
    else if (args[i] === '--llm') llm = args[++i];
    else if (args[i] === '--apps')
      apps = (args[++i] ?? '')
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean);
    else rest.push(args[i]);
  }
  if (llm !== 'embedded' && llm !== 'port')
    throw new Error(`--llm is embedded (the default) or port, not ${llm}`);
  return { rest, apps, baseline, llm };
}

/** One app, one mode: start it, warm it up, load it while probing /health, verify, stop it. */
async function loadApp(app, { limits, connections, flags, llmURL }) {
  const dir = mkdtempSync(join(tmpdir(), `load-bench-${app.name}-`));
  tempDirs.add(dir);
  let server;
  let probes = {};
  try {
    server = await startApp(app, dir, limits, llmURL);
    await app.setup?.(server.url);
    await warmUp(app, server.url);
    const rssBeforeMiB = server.rssMiB('VmRSS');
    const idleHealth = await probeHealth(server.url, flags.interval, 1000);
    app.reset?.();
    const counts = { retryAfterMissing: 0, badBody: 0, badBodySample: '', served: 0 };
    probes = {
      fresh: startProbe(server.url, flags.interval, flags.timeout * 1000, false),
      keepAlive: startProbe(server.url, flags.interval, flags.timeout * 1000, true),
    };
    // Both probes hold a first answer (the keep-alive one its connection) before the load starts.
    await Promise.all(Object.values(probes).map((probe) => probe.ready));
    const result = await autocannon({
      url: server.url,
      connections,
      duration: flags.duration,
      timeout: flags.timeout,
      // Connections that got at least one answer: the rest waited in the kernel's accept queue.
      setupClient: (client) => client.once('response', () => counts.served++),
      requests: [
        {
          ...app.request,
          ...(app.setupRequest ? { setupRequest: app.setupRequest } : {}),
          onResponse: (status, body, _context, headers) => {
            if (status === 429) {
              const retryAfter = Object.entries(headers).find(
                ([name]) => name.toLowerCase() === 'retry-after',
              );
              if (!retryAfter) counts.retryAfterMissing++;
            } else if (status >= 200 && status < 300) {
              if (!app.check(body)) {
                counts.badBody++;
                counts.badBodySample ||= body.slice(0, 300);
              } else app.onAccepted?.(body);
            }
          },
        },
      ],
    });
    const health = await probes.fresh.stop();
    const healthKeepAlive = await probes.keepAlive.stop();
    const measured = figures(result, counts, { health, healthKeepAlive, idleHealth }, flags);
    const verified = app.verify ? await app.verify(server.url, measured) : {};
    const peakRssMiB = server.rssMiB('VmHWM');
    const log = server.logTail();
    return { ...measured, ...verified, rssBeforeMiB, peakRssMiB, log };
  } finally {
    await Promise.all(Object.values(probes).map((probe) => probe.kill()));
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
    tempDirs.delete(dir);
  }
}

function tally(result) {
  const byStatus = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, count]),
  );
  const count = (test) =>
    Object.entries(byStatus)
      .filter(([code]) => test(Number(code)))
      .reduce((sum, [, n]) => sum + n, 0);
  return {
    byStatus,
    accepted: count((code) => code >= 200 && code < 300),
    rejected429: count((code) => code === 429),
    status5xx: count((code) => code >= 500),
    otherStatus: count((code) => code < 200 || (code >= 300 && code < 500 && code !== 429)),
    connectionErrors: result.errors - result.timeouts,
    timeouts: result.timeouts,
  };
}

function figures(result, counts, { health, healthKeepAlive, idleHealth }, flags) {
  const t = tally(result);
  const accepted = t.accepted - counts.badBody;
  return {
    ...t,
    accepted,
    badBody: counts.badBody,
    badBodySample: counts.badBodySample || undefined,
    retryAfterMissing: counts.retryAfterMissing,
    failed: t.status5xx + t.otherStatus + t.connectionErrors + t.timeouts + counts.badBody,
    acceptedPerSec: accepted / flags.duration,
    // autocannon's latency histogram holds 2xx responses only.
    acceptedP50Ms: result.latency.p50,
    acceptedP99Ms: result.latency.p99,
    connectionsServed: counts.served,
    health,
    healthKeepAlive,
    idleHealthP50Ms: idleHealth.p50,
  };
}

async function warmUp(app, url) {
  for (let i = 0; i < 5; i++) {
    const response = await fetch(`${url}${app.request.path}`, {
      method: app.request.method,
      headers: app.request.headers,
      body: app.request.body,
    });
    const body = await response.text();
    if (!response.ok || !app.check(body))
      throw new Error(
        `warm-up ${app.request.method} ${app.request.path}: ${response.status} ${body.slice(0, 300)}`,
      );
  }
}

// A /health probe runs in its own thread, so autocannon's work on the main thread does not delay
// it: one GET at a time, the next `interval` ms after the previous started (or at once when it
// took longer), past `timeout` ms a failure counted at its elapsed time. Two kinds: each GET on a
// new connection (what a load balancer or an orchestrator's check does; it waits in the kernel's
// accept queue behind every connection the app has not accepted yet: libuv accepts one connection
// per event-loop turn) and on one kept-alive connection opened before the load (the event loop's
// own delay). The first answer is not counted: it is the signal that the probe is under way.
const PROBE_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { url, interval, timeout, keepAlive } = workerData;
const agent = keepAlive ? new http.Agent({ keepAlive: true, maxSockets: 1 }) : false;
const samples = [];
let failures = 0;
let running = true;
parentPort.on('message', () => (running = false));
function once() {
  return new Promise((resolve) => {
    const started = performance.now();
    const done = (ok) => {
      samples.push(performance.now() - started);
      if (!ok) failures++;
      resolve();
    };
    const req = http.get(url + '/health', { agent, timeout }, (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode === 200));
      res.on('error', () => done(false));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => done(false));
  });
}
(async () => {
  await once();
  samples.length = 0;
  failures = 0;
  parentPort.postMessage('ready');
  while (running) {
    const started = performance.now();
    await once();
    const wait = interval - (performance.now() - started);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  parentPort.postMessage({ samples, failures });
})();
`;

function startProbe(url, interval, timeout, keepAlive = false) {
  const worker = new Worker(PROBE_SOURCE, {
    eval: true,
    workerData: { url, interval, timeout, keepAlive },
  });
  let readySignal;
  const ready = new Promise((resolve) => (readySignal = resolve));
  const finished = new Promise((resolve, reject) => {
    worker.on('message', (message) => (message === 'ready' ? readySignal() : resolve(message)));
    worker.once('error', reject);
  });
  return {
    ready,
    async stop() {
      worker.postMessage('stop');
      const { samples, failures } = await finished;
      await worker.terminate();
      const stats = summarise(samples);
      const max = samples.length ? Math.max(...samples) : NaN;
      return { n: stats.n, p50: stats.p50, p99: stats.p99, max, failures };
    },
    kill: () => worker.terminate(),
  };
}

async function probeHealth(url, interval, forMs) {
  const probe = startProbe(url, interval, 10_000);
  await new Promise((resolve) => setTimeout(resolve, forMs));
  return probe.stop();
}

// The apps the bench started and their data folders: on Ctrl-C or an early exit too, the apps
// (and what they spawned) are killed and the folders removed.
const running = new Set();
const tempDirs = new Set();
function cleanUp() {
  for (const child of running)
    for (const pid of [child.pid, ...descendantsOf(child.pid)]) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
}
process.once('exit', cleanUp);
process.once('SIGINT', () => process.exit(130));

/** The environment of an app: the embedded model (no provider keys, no token), the limits. */
function appEnv(app, dir, limits, port, llmURL) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) =>
        !/(_API_KEY|_BASE_URL|_MODEL)$/.test(key) &&
        !/^(AI_|HTTP_MAX_|API_TOKEN$|TRUSTED_NETWORK$|MCP_AUTH_TOKEN$|DATABASE_URL$)/.test(key),
    ),
  );
  return {
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
    HTTP_MAX_IN_FLIGHT: String(limits.inFlight),
    HTTP_MAX_QUEUED: String(limits.queued),
    DATABASE_URL: `file:${join(dir, 'db')}`,
    ...(llmURL && {
      AI_PROVIDER: 'openai',
      EMBEDDING_PROVIDER: 'openai',
      OPENAI_API_KEY: 'load-bench',
      OPENAI_BASE_URL: llmURL,
      OPENAI_MODEL: 'local',
      OPENAI_EMBEDDING_MODEL: 'local-embedding',
    }),
    ...app.env?.(dir),
  };
}

async function startApp(app, dir, limits, llmURL) {
  const cwd = join(appsDir, app.name);
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd,
    env: appEnv(app, dir, limits, port, llmURL),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let tail = '';
  const keep = (chunk) => (tail = (tail + chunk).slice(-20_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    const descendants = descendantsOf(child.pid);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    running.delete(child);
    // What the app spawned (mcp-client-demo's stdio server) goes with it.
    for (const pid of descendants) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  try {
    await Promise.race([
      waitForHttp(`${url}/health`, performance.now(), 60_000),
      exited.then((code) => {
        throw new Error(`exited during start (${code}):\n${tail.slice(-2000)}`);
      }),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    stop,
    logTail: () => tail.slice(-4000),
    /** The process's resident set now (VmRSS) or at its peak (VmHWM), in MiB. */
    rssMiB: (field) => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) / 1024;
    },
  };
}

function descendantsOf(pid) {
  const found = [];
  const visit = (parent) => {
    let children;
    try {
      children = readFileSync(`/proc/${parent}/task/${parent}/children`, 'utf8');
    } catch {
      return;
    }
    for (const child of children.split(/\s+/).filter(Boolean).map(Number)) {
      found.push(child);
      visit(child);
    }
  };
  visit(pid);
  return found;
}

const ms = (value) => (Number.isFinite(value) ? value.toFixed(value < 10 ? 1 : 0) : '-');

function report(results, flags) {
  console.log(
    `${flags.connections} connections (${flags.multiplier} × (in-flight ${flags['in-flight']} + queued ${flags.queued})) for ${flags.duration} s per app; model ${flags.llm === 'port' ? 'local-llm in its own process (OpenAI preset)' : 'embedded in the app'}; /health probed every ${flags.interval} ms on new connections and on one kept-alive connection; client timeout ${flags.timeout} s`,
  );
  console.table(
    results.map((r) =>
      r.error
        ? { app: r.app, mode: r.mode, error: r.error.split('\n')[0].slice(0, 100) }
        : {
            app: r.app,
            mode: r.mode,
            accepted: r.accepted,
            429: r.rejected429,
            'Retry-After': r.rejected429
              ? r.retryAfterMissing
                ? `${r.retryAfterMissing} missing`
                : 'all'
              : '-',
            failed: r.failed,
            'conns served': `${r.connectionsServed}/${flags.connections}`,
            'accepted/s': r.acceptedPerSec.toFixed(0),
            'p50/p99 ms': `${ms(r.acceptedP50Ms)}/${ms(r.acceptedP99Ms)}`,
            'health new conn p50/p99/max': healthCell(r.health),
            'health kept-alive p50/p99/max': healthCell(r.healthKeepAlive),
            'RSS MiB before/peak': `${r.rssBeforeMiB.toFixed(0)}/${r.peakRssMiB.toFixed(0)}`,
            lost: r.lostWrites ?? '-',
          },
    ),
  );
  for (const r of results.filter((r) => !r.error)) {
    const failedParts = [
      r.status5xx && `${r.status5xx} 5xx`,
      r.otherStatus && `${r.otherStatus} other statuses`,
      r.connectionErrors && `${r.connectionErrors} connection errors`,
      r.timeouts && `${r.timeouts} client timeouts`,
      r.badBody && `${r.badBody} 2xx with a wrong body`,
    ].filter(Boolean);
    const probeFailures = r.health.failures + r.healthKeepAlive.failures;
    const healthGoal = (h) => (h.p99 < HEALTH_GOAL_MS ? 'met' : 'MISSED');
    const goals = [
      `failed ${r.failed} (goal 0: ${r.failed === 0 ? 'met' : 'MISSED'})`,
      `/health p99 ${ms(r.health.p99)} ms on new connections (${r.health.n} probes), ${ms(r.healthKeepAlive.p99)} ms kept-alive (${r.healthKeepAlive.n}), idle p50 ${ms(r.idleHealthP50Ms)} ms (goal < ${HEALTH_GOAL_MS}: ${healthGoal(r.health)}, ${healthGoal(r.healthKeepAlive)})`,
      r.lostWrites !== undefined &&
        `accepted writes lost ${r.lostWrites} (goal 0: ${r.lostWrites === 0 ? 'met' : 'MISSED'}; ${r.storedMessages} messages stored for ${r.expectedMessages} expected, ${r.storedUnacknowledged} stored turns unacknowledged, ${r.orphanUserMessages} user messages without an answer)`,
    ].filter(Boolean);
    console.log(`${r.app} (${r.mode}): ${goals.join('; ')}`);
    if (failedParts.length)
      console.log(`  failed: ${failedParts.join(', ')}; statuses ${JSON.stringify(r.byStatus)}`);
    if (probeFailures) console.log(`  /health probes failed or timed out: ${probeFailures}`);
    if (r.badBodySample) console.log(`  a wrong 2xx body: ${r.badBodySample}`);
  }
  for (const limited of results.filter((r) => r.mode === 'limited' && !r.error)) {
    const off = results.find((r) => r.app === limited.app && r.mode === 'baseline' && !r.error);
    if (!off) continue;
    console.log(
      `${limited.app}, refusals on vs off: failed ${limited.failed} vs ${off.failed}, 429 ${limited.rejected429} vs ${off.rejected429}, ` +
        `/health p99 ${ms(limited.health.p99)} vs ${ms(off.health.p99)} ms (new connections), ${ms(limited.healthKeepAlive.p99)} vs ${ms(off.healthKeepAlive.p99)} ms (kept-alive), ` +
        `accepted/s ${limited.acceptedPerSec.toFixed(0)} vs ${off.acceptedPerSec.toFixed(0)}, accepted p99 ${ms(limited.acceptedP99Ms)} vs ${ms(off.acceptedP99Ms)} ms, ` +
        `peak RSS ${limited.peakRssMiB.toFixed(0)} vs ${off.peakRssMiB.toFixed(0)} MiB`,
    );
  }
  const saved = results.map(({ log, ...r }) => (r.failed || r.lostWrites ? { ...r, log } : r));
  console.log(
    `saved ${saveResult('load', { bench: 'load', node: process.version, flags, results: saved })}`,
  );
}

function healthCell(h) {
  return `${ms(h.p50)}/${ms(h.p99)}/${ms(h.max)}`;
}
