#!/usr/bin/env node
// `npm run bench -- <name>`: benchmarks, not tests. Each reports figures as ratios against a peer
// measured in the same run, because the machines here are shared and noisy.
import { argv, exit } from 'node:process';

const benches = {
  providers: () => import('./providers.bench.mjs'),
  chat: () => import('./chat.bench.mjs'),
  memory: () => import('./memory.bench.mjs'),
  tools: () => import('./tools.bench.mjs'),
  rag: () => import('./rag.bench.mjs'),
  'rag-retrieval': () => import('./rag-retrieval.bench.mjs'),
  eval: () => import('./eval.bench.mjs'),
  feedback: () => import('./feedback.bench.mjs'),
  load: () => import('./load.bench.mjs'),
  trainer: () => import('./trainer.bench.mjs'),
  'fine-tuning': () => import('./fine-tuning.bench.mjs'),
};

const name = argv[2];
if (!name || !(name in benches)) {
  console.error(`usage: npm run bench -- <${Object.keys(benches).join('|')}> [options]`);
  exit(name ? 2 : 0);
}
const { run } = await benches[name]();
await run(argv.slice(3));
