// `npm run bench -- memory [--appends 2000] [--loads 2000] [--samples 300]`: chat memory on the
// in-memory, SQL-on-PGlite and SQL-on-PostgreSQL repositories in one run.
//   append throughput: sequential one-message appends to one conversation (messages/s)
//   window throughput: sequential loads of the last 20 messages (loads/s)
//   window latency at 100 vs 10,000 stored messages in a conversation: p50 ratio, target ≤ 1.5 (flat)
// PostgreSQL comes from TEST_POSTGRES_URL, else scripts/services.sh starts Debian's on loopback;
// the bench makes its own database and drops it.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createInMemoryChatMemoryRepository, createSqlChatMemoryRepository } from '@repo/memory';
import { createDatabase } from '@repo/storage';
import pg from 'pg';
import { parseFlags, saveResult, summarise, trackPeakRss } from './lib.mjs';

const WINDOW = 20;

export async function run(args) {
  const flags = parseFlags(args, { appends: 2000, loads: 2000, samples: 300 });
  const postgres = await createBenchPostgres();
  const memory = trackPeakRss();
  const backends = [
    [
      'in-memory',
      async () => ({ repo: createInMemoryChatMemoryRepository(), close: async () => {} }),
    ],
    ['SQL on PGlite (memory://)', () => sqlBackend('memory://')],
    ['SQL on PostgreSQL 15', () => sqlBackend(postgres.url)],
  ];
  const results = {};
  try {
    for (const [name, open] of backends) {
      const { repo, close } = await open();
      try {
        results[name] = await measure(repo, flags);
      } finally {
        await close();
      }
      process.stderr.write(`memory bench: ${name} done\n`);
    }
  } finally {
    await postgres.drop();
  }
  report(results, memory.stop(), flags);
}

async function sqlBackend(url) {
  const database = await createDatabase({ url });
  const repo = await createSqlChatMemoryRepository(database);
  return { repo, close: () => database.close() };
}

const message = (i) => ({
  role: i % 2 ? 'assistant' : 'user',
  parts: [{ type: 'text', text: `message ${i}: 你好，记住这一句。Remember this line.` }],
});

async function measure(repo, { appends, loads, samples }) {
  let started = performance.now();
  for (let i = 0; i < appends; i++) await repo.append('throughput', [message(i)]);
  const appendPerSecond = appends / ((performance.now() - started) / 1000);

  started = performance.now();
  for (let i = 0; i < loads; i++) await repo.load('throughput', { last: WINDOW });
  const loadPerSecond = loads / ((performance.now() - started) / 1000);

  // Two conversations, 100 and 10,000 messages, filled in batches (filling is not what is timed).
  for (const [id, size] of [
    ['small', 100],
    ['large', 10_000],
  ])
    for (let i = 0; i < size; i += 100)
      await repo.append(
        id,
        Array.from({ length: 100 }, (_, k) => message(i + k)),
      );
  const latency = { small: [], large: [] };
  for (let i = 0; i < samples + 20; i++) {
    for (const id of i % 2 ? ['small', 'large'] : ['large', 'small']) {
      const t = performance.now();
      const window = await repo.load(id, { last: WINDOW });
      if (window.length !== WINDOW) throw new Error(`${id}: window of ${window.length}`);
      if (i >= 20) latency[id].push(performance.now() - t);
    }
  }
  const small = summarise(latency.small);
  const large = summarise(latency.large);
  return {
    appendPerSecond,
    loadPerSecond,
    window100: small,
    window10k: large,
    flatRatio: large.p50 / small.p50,
  };
}

async function createBenchPostgres() {
  let base = process.env.TEST_POSTGRES_URL;
  if (!base) {
    const script = new URL('../scripts/services.sh', import.meta.url).pathname;
    const out = spawnSync('bash', [script, 'start', 'postgres'], { encoding: 'utf8' });
    base = /TEST_POSTGRES_URL=(\S+)/.exec(out.stdout)?.[1];
    if (!base) throw new Error(`could not start PostgreSQL:\n${out.stderr}`);
  }
  const name = `bench_memory_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

function report(results, peakRssMiB, flags) {
  console.table(
    Object.entries(results).map(([backend, r]) => ({
      backend,
      'appends/s': r.appendPerSecond.toFixed(0),
      'window loads/s': r.loadPerSecond.toFixed(0),
      'window p50 @100 ms': r.window100.p50.toFixed(3),
      'window p50 @10k ms': r.window10k.p50.toFixed(3),
      '10k/100': r.flatRatio.toFixed(2),
    })),
  );
  const worst = Math.max(...Object.values(results).map((r) => r.flatRatio));
  console.log(
    `window load at 10,000 vs 100 messages: worst ${worst.toFixed(2)}× (target ≤ 1.5×: ${worst <= 1.5 ? 'met' : 'MISSED'}), peak RSS ${peakRssMiB.toFixed(0)} MiB`,
  );
  console.log(
    `saved ${saveResult('memory', { bench: 'memory', node: process.version, flags, results, peakRssMiB })}`,
  );
}
