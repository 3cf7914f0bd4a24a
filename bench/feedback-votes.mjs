// `npm run bench -- feedback --only votes [--votePrompts 200] [--voteOverlap 10] [--annotators 50]`
// Votes per second through the BUILT feedback-demo app (its own process, `spawnApp`), on a PGlite
// folder and on a fresh PostgreSQL database (TEST_POSTGRES_URL; skipped with a line when unset).
// A campaign of `votePrompts` prompts (Chinese and English) × two local models is created and its
// candidates generated (not timed); then `annotators` annotators at once loop GET …/next →
// POST /votes until 204. Each task goes to `voteOverlap` annotators (the app caps overlap at 10,
// CAMPAIGN_LIMITS in @repo/feedback), so the run is votePrompts × voteOverlap votes (2,000 by
// default: about half a minute an engine on a busy 2-core machine) and the annotators race for
// tasks as real ones do. Every request's latency is kept.
// The peer, same engine and same vote count, writes the votes straight to the store in this
// process (targets recorded first, not timed) with as many concurrent writers: app ÷ direct is
// what HTTP, assignment and validation cost on top of the store's own insert.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { userMessage } from '@repo/core';
import { createFeedbackStore } from '@repo/feedback';
import { spawnApp } from '@repo/nest/testing';
import { createDatabase } from '@repo/storage';
import { summarise } from './lib.mjs';

const appDir = new URL('../apps/feedback-demo/', import.meta.url).pathname;
const MODELS = ['local-detailed', 'local-brief'];
const CHOICES = ['left', 'right', 'tie', 'left', 'right', 'both-bad'];
const TOPICS = [
  (i) => `第${i}个问题：用一句话解释什么是奖励模型。`,
  (i) => `Question ${i}: what is DPO, in one sentence?`,
  (i) => `第${i}题：RLHF 和 SFT 有什么区别？`,
  (i) => `Question ${i}: why do annotators disagree on pairwise votes?`,
];
const promptOf = (i) => TOPICS[i % TOPICS.length](i);

export async function run(flags) {
  if (!existsSync(join(appDir, 'dist/main.js')))
    throw new Error(
      'apps/feedback-demo/dist/main.js is missing: npx turbo run build --filter=@repo/feedback-demo',
    );
  const expected = flags.votePrompts * Math.min(flags.voteOverlap, flags.annotators);
  console.log(
    `${expected} votes (${flags.votePrompts} prompts × overlap ${flags.voteOverlap}), ${flags.annotators} annotators at once; peer: the same votes written straight to the store by ${flags.annotators} writers`,
  );
  const result = { expectedVotes: expected };
  const folders = [
    mkdtempSync(join(tmpdir(), 'bench-votes-')),
    mkdtempSync(join(tmpdir(), 'bench-votes-')),
  ];
  try {
    result.pglite = await measureEngine(
      'PGlite',
      flags,
      `file:${folders[0]}`,
      `file:${folders[1]}`,
    );
  } finally {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  }
  const server = process.env.TEST_POSTGRES_URL;
  if (!server) {
    console.log(
      'PostgreSQL: skipped, TEST_POSTGRES_URL is unset (eval "$(bash scripts/services.sh start postgres)" first)',
    );
    result.postgres = { skipped: 'TEST_POSTGRES_URL unset' };
  } else {
    const { default: pg } = await import('pg');
    const names = [
      `bench_${randomBytes(6).toString('hex')}`,
      `bench_${randomBytes(6).toString('hex')}`,
    ];
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    try {
      for (const name of names) await admin.query(`CREATE DATABASE ${name}`);
      const urlOf = (name) => Object.assign(new URL(server), { pathname: `/${name}` }).href;
      result.postgres = await measureEngine('PostgreSQL', flags, urlOf(names[0]), urlOf(names[1]));
    } finally {
      for (const name of names) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }
  return result;
}

async function measureEngine(engine, flags, appUrl, directUrl) {
  const app = await throughApp(flags, appUrl);
  const direct = await straightToStore(flags, directUrl, app.votes);
  const ratio = app.votesPerSecond / direct.votesPerSecond;
  const ms = (figures) => `p50 ${figures.p50.toFixed(1)} ms, p99 ${figures.p99.toFixed(1)} ms`;
  console.log(
    `${engine.padEnd(10)} app   ${app.votesPerSecond.toFixed(0).padStart(5)} votes/s (${app.votes} votes in ${(app.wallMs / 1000).toFixed(1)} s)  POST /votes ${ms(app.vote)}  GET /next ${ms(app.next)}  errors ${app.errors.total}${app.errors.total ? ' ' + JSON.stringify(app.errors.byKind) : ''}`,
  );
  if (app.errors.sample) console.log(`${''.padEnd(10)} first error: ${app.errors.sample}`);
  console.log(
    `${''.padEnd(10)} store ${direct.votesPerSecond.toFixed(0).padStart(5)} votes/s (${direct.votes} votes in ${(direct.wallMs / 1000).toFixed(1)} s)  recordFeedback ${ms(direct.write)}  errors ${direct.errors}`,
  );
  console.log(
    `${''.padEnd(10)} app ÷ store: ${ratio.toFixed(2)} (HTTP + assignment + validation keep ${(ratio * 100).toFixed(0)}% of the store's rate)`,
  );
  return { app, direct, ratio };
}

/** The built app in its own process; 50 annotators at once until every queue answers 204. */
async function throughApp(flags, databaseUrl) {
  const app = await spawnApp('dist/main.js', {
    cwd: appDir,
    // Only candidate generation (not timed) goes faster with more at once.
    env: { DATABASE_URL: databaseUrl, FEEDBACK_CONCURRENCY: '8' },
  });
  const errors = { total: 0, byKind: {}, sample: undefined };
  const fail = (kind, body) => {
    errors.total += 1;
    errors.byKind[kind] = (errors.byKind[kind] ?? 0) + 1;
    errors.sample ??= `${kind}: ${body.slice(0, 300)}`;
  };
  try {
    const generationStarted = performance.now();
    const created = await fetch(`${app.url}/api/feedback/campaigns`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: 'bench',
        name: '压测 · votes bench',
        prompts: Array.from({ length: flags.votePrompts }, (_, i) => promptOf(i)),
        models: MODELS,
        overlap: flags.voteOverlap,
      }),
    });
    if (created.status !== 201)
      throw new Error(`create campaign: ${created.status} ${await created.text()}`);
    // The SSE stream ends after its `done` event.
    await (await fetch(`${app.url}/api/feedback/campaigns/bench/events`)).text();
    const generationMs = performance.now() - generationStarted;

    const nextMs = [];
    const voteMs = [];
    let votes = 0;
    const annotate = async (annotator) => {
      // A request that fails is counted and the loop asks again; a run of them ends this
      // annotator rather than the bench hanging on a broken app.
      for (let failures = 0, k = 0; failures < 10; k++) {
        let started = performance.now();
        const next = await fetch(
          `${app.url}/api/feedback/campaigns/bench/next?annotator=${encodeURIComponent(annotator)}`,
        );
        const body = await next.text();
        nextMs.push(performance.now() - started);
        if (next.status === 204) return;
        if (next.status !== 200) {
          fail(`next ${next.status}`, body);
          failures += 1;
          continue;
        }
        const { taskId } = JSON.parse(body);
        started = performance.now();
        const vote = await fetch(`${app.url}/api/feedback/votes`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            id: `${taskId}|${annotator}`,
            taskId,
            annotator,
            choice: CHOICES[k % CHOICES.length],
          }),
        });
        const answer = await vote.text();
        voteMs.push(performance.now() - started);
        if (vote.status === 201) votes += 1;
        else {
          fail(`vote ${vote.status}`, answer);
          failures += 1;
        }
      }
    };
    const started = performance.now();
    await Promise.all(
      Array.from({ length: flags.annotators }, (_, i) =>
        annotate(i % 2 === 0 ? `标注员${i}` : `annotator-${i}`),
      ),
    );
    const wallMs = performance.now() - started;
    if (votes !== flags.votePrompts * Math.min(flags.voteOverlap, flags.annotators))
      fail('vote count', `${votes} votes stored`);
    return {
      votes,
      wallMs,
      votesPerSecond: (votes / wallMs) * 1000,
      vote: summarise(voteMs),
      next: summarise(nextMs),
      errors,
      generationMs,
    };
  } finally {
    await app.stop();
  }
}

/**
 * The same number of pairwise votes through `recordFeedback` in this process, `annotators`
 * writers at once; each item goes to `voteOverlap` distinct annotators, as in the app.
 */
async function straightToStore(flags, databaseUrl, votes) {
  const database = await createDatabase({ url: databaseUrl });
  try {
    const store = await createFeedbackStore(database);
    const overlap = Math.min(flags.voteOverlap, flags.annotators);
    for (let item = 0; item < flags.votePrompts; item++) {
      const prompt = [userMessage(promptOf(item))];
      for (const model of MODELS)
        await store.recordTarget({
          responseId: `direct:${item}:${model}`,
          prompt,
          answer: `[local-llm] 这是离线本地模型。你说的是：“${promptOf(item)}”`.slice(
            0,
            model === 'local-brief' ? 16 : undefined,
          ),
          model,
        });
    }
    const writeMs = [];
    let taken = 0;
    let errors = 0;
    const write = async () => {
      for (let j = taken++; j < votes; j = taken++) {
        const item = Math.floor(j / overlap) % flags.votePrompts;
        const annotator = `annotator-${(item * overlap + (j % overlap)) % flags.annotators}`;
        const pair = MODELS.map((model) => `direct:${item}:${model}`);
        const started = performance.now();
        try {
          await store.recordFeedback({
            id: `direct:${item}|${annotator}|${j}`,
            kind: 'pairwise',
            shown: j % 2 === 0 ? pair : pair.toReversed(),
            choice: CHOICES[j % CHOICES.length],
            annotator: { id: annotator, kind: 'crowd' },
            taskId: `direct:${item}`,
            campaignId: 'direct',
          });
        } catch {
          errors += 1;
        }
        writeMs.push(performance.now() - started);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: flags.annotators }, write));
    const wallMs = performance.now() - started;
    return {
      votes: votes - errors,
      wallMs,
      votesPerSecond: ((votes - errors) / wallMs) * 1000,
      write: summarise(writeMs),
      errors,
    };
  } finally {
    await database.close();
  }
}
