#!/usr/bin/env node
// Starts every app the way its README's "## Run" section says, from the repository root of a
// fresh clone (nothing built yet), and waits for its /health: proof that `cd apps/<app> && npm
// start` builds what the app needs (its prestart runs turbo over the app and its packages).
// .ci/run runs it right after `npm ci`. Usage: node scripts/check-app-starts.mjs [app…]
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { runSectionCommands } from './lib/readme-run.mjs';

const root = new URL('..', import.meta.url).pathname;
const TIMEOUT_MS = 10 * 60_000; // the first app builds every package it uses

const apps = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(join(root, 'apps')).sort();
let failed = 0;
for (const app of apps) {
  const started = Date.now();
  try {
    const commands = runSectionCommands(readFileSync(join(root, 'apps', app, 'README.md'), 'utf8'));
    await startAndCheck(commands);
    console.log(`✓ apps/${app}: ${commands.join(' && ')} (${secondsSince(started)} s)`);
  } catch (error) {
    failed++;
    console.log(`✗ apps/${app}: ${error instanceof Error ? error.message : error}`);
  }
}
console.log(`check-app-starts: ${apps.length - failed} started, ${failed} failed`);
process.exit(failed ? 1 : 0);

/** @param {string[]} commands */
async function startAndCheck(commands) {
  const port = await freePort();
  const child = spawn('bash', ['-c', commands.join(' && ')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), NO_COLOR: '1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (/** @type {Buffer} */ chunk) => (output = (output + chunk).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = /** @type {number | null | undefined} */ (undefined);
  child.on('exit', (code) => (exited = code));
  try {
    const deadline = Date.now() + TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (exited !== undefined)
        throw new Error(`exited (${exited}) before /health answered:\n${output}`);
      const status = await fetch(`http://127.0.0.1:${port}/health`)
        .then((response) => response.status)
        .catch(() => 0);
      if (status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`no /health after ${TIMEOUT_MS / 1000} s:\n${output}`);
  } finally {
    if (exited === undefined && child.pid) process.kill(-child.pid, 'SIGTERM');
  }
}

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** @param {number} since */
function secondsSince(since) {
  return Math.round((Date.now() - since) / 1000);
}
