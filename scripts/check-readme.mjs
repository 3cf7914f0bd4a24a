#!/usr/bin/env node
// docs/conventions.md rule 18: README curl calls are checked in CI so docs cannot drift.
//
//   node scripts/check-readme.mjs <README.md> [more READMEs…] [--timeout-ms N] [--only LINE]
//                                 [--verbose]
//
// For each README: start the app from `<!-- check-readme start="…" -->` on a free port, run
// every documented curl block in order and compare its stdout with the json/text block that
// follows it. See scripts/lib/readme-calls.mjs for the parsing and comparison rules.

import { spawn, spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import {
  callLabel,
  compareJson,
  compareText,
  parseReadme,
  rewritePort,
} from './lib/readme-calls.mjs';

/** @typedef {import('./lib/readme-calls.mjs').Call} Call */
/** @typedef {import('node:child_process').ChildProcess} ChildProcess */
/** @typedef {{ code: number | null, signal: string | null, error: Error | null }} ExitInfo */

const USAGE = `Usage: node scripts/check-readme.mjs <README.md> [more READMEs…] [options]

Starts the app each README documents on a free port, runs every documented curl call and
compares its output with the documented expected output (docs/conventions.md rule 18).

README convention:
  <!-- check-readme start="node bin/app.js --port {port}" ready="/health" -->
      start command (run in the README's folder through a shell; {port} and env PORT/HOST set);
      ready="/path" waits for a 2xx from that path, default waits for a TCP connect.
  \`\`\`sh|bash|shell block containing a curl command, immediately followed by
  \`\`\`json|text block with the expected output.
  <!-- check-readme skip --> right before a curl block skips it.

Options:
  --timeout-ms N   how long to wait for the app to be ready (default 60000)
  --only LINE      run only the call whose block starts at (or contains) LINE;
                   LINE may also be README.md:LINE
  --verbose        print each call's actual output
  --help           show this help

Exit status: 0 all passed, 1 some call failed, 2 usage error / README without calls /
app failed to start.`;

const CALL_TIMEOUT_MS = 30_000;
const OUTPUT_TAIL = 64 * 1024;

class UsageError extends Error {}
/** Setup problem for one README (no calls, bad directive, app did not start): exit 2. */
class SetupError extends Error {}

/**
 * @typedef {object} Options
 * @property {string[]} files
 * @property {number} timeoutMs
 * @property {{ file: string | null, line: number } | null} only
 * @property {boolean} verbose
 * @property {boolean} help
 */

/**
 * @param {string[]} argv
 * @returns {Options}
 */
function parseArgs(argv) {
  /** @type {Options} */
  const opts = { files: [], timeoutMs: 60_000, only: null, verbose: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') ? splitOnce(arg, '=') : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--help' || flag === '-h') opts.help = true;
    else if (flag === '--verbose') opts.verbose = true;
    else if (flag === '--timeout-ms') {
      const v = value();
      opts.timeoutMs = Number(v);
      if (!Number.isInteger(opts.timeoutMs) || opts.timeoutMs <= 0) {
        throw new UsageError(`--timeout-ms must be a positive integer, got ${v}`);
      }
    } else if (flag === '--only') {
      const v = value();
      const m = /^(?:(.*):)?(\d+)$/.exec(v);
      if (!m) throw new UsageError(`--only takes a line number (or README.md:LINE), got ${v}`);
      opts.only = { file: m[1] ?? null, line: Number(m[2]) };
    } else if (arg === '--') {
      opts.files.push(...argv.slice(i + 1));
      break;
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else opts.files.push(arg);
  }
  if (!opts.help && !opts.files.length) throw new UsageError('no README given');
  const onlyFile = opts.only?.file;
  if (onlyFile && !opts.files.some((f) => path.resolve(f) === path.resolve(onlyFile))) {
    throw new UsageError(
      `--only ${onlyFile}:${opts.only?.line}: ${onlyFile} is not among the READMEs`,
    );
  }
  return opts;
}

/**
 * @param {string} s
 * @param {string} sep
 * @returns {[string, string | undefined]}
 */
function splitOnce(s, sep) {
  const i = s.indexOf(sep);
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** @param {number} port */
function tcpReady(port) {
  return new Promise((resolve) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    sock.setTimeout(1000);
    const done = (/** @type {boolean} */ ok) => {
      sock.destroy();
      resolve(ok);
    };
    sock.once('connect', () => done(true));
    sock.once('error', () => done(false));
    sock.once('timeout', () => done(false));
  });
}

/**
 * @param {number} port
 * @param {string} readyPath
 */
async function httpReady(port, readyPath) {
  const url = `http://127.0.0.1:${port}${readyPath.startsWith('/') ? '' : '/'}${readyPath}`;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer().catch(() => undefined);
    return res.status >= 200 && res.status < 300;
  } catch (_e) {
    return false;
  }
}

/** Process groups we started and must kill on the way out. */
const liveGroups = new Set();

/**
 * Kill a detached child's whole process group; wait for it to exit (SIGKILL after 3 s).
 * @param {ChildProcess} child
 */
async function killGroup(child) {
  if (child.pid === undefined) return;
  liveGroups.delete(child.pid);
  if (child.exitCode !== null || child.signalCode !== null) {
    signalGroup(child.pid, 'SIGKILL'); // stragglers (grandchildren) of an exited shell
    return;
  }
  const exited = new Promise((r) => child.once('exit', r));
  signalGroup(child.pid, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(/** @type {number} */ (child.pid), 'SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
  signalGroup(child.pid, 'SIGKILL');
}

/**
 * @param {number} pid
 * @param {NodeJS.Signals} signal
 */
function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (_e) {
    // group already gone
  }
}

function killAllSync() {
  for (const pid of liveGroups) signalGroup(pid, 'SIGKILL');
  liveGroups.clear();
}

process.on('exit', killAllSync);
for (const sig of /** @type {NodeJS.Signals[]} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
  process.on(sig, () => {
    killAllSync();
    process.exit(sig === 'SIGINT' ? 130 : 143);
  });
}

/**
 * Spawn a detached shell command, keeping the tail of its combined output.
 * @param {string} file
 * @param {string[]} args
 * @param {{ cwd: string, env: NodeJS.ProcessEnv, shell?: boolean }} opts
 */
function spawnGroup(file, args, opts) {
  const child = spawn(file, args, {
    cwd: opts.cwd,
    env: opts.env,
    shell: opts.shell ?? false,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid !== undefined) liveGroups.add(child.pid);
  const out = { stdout: '', stderr: '', combined: '' };
  /** @param {'stdout' | 'stderr'} key @param {Buffer} chunk */
  const collect = (key, chunk) => {
    const s = chunk.toString('utf8');
    out[key] += s;
    out.combined = (out.combined + s).slice(-OUTPUT_TAIL);
  };
  child.stdout?.on('data', (c) => collect('stdout', c));
  child.stderr?.on('data', (c) => collect('stderr', c));
  // Resolves once the process exited and its output is drained; a grandchild that keeps the
  // pipes open (e.g. something backgrounded with `&`) gets 1 s grace, not a hang.
  /** @type {Promise<ExitInfo>} */
  const exited = new Promise((resolve) => {
    child.once('error', (err) => resolve({ code: null, signal: null, error: err }));
    child.once('close', (code, signal) => resolve({ code, signal, error: null }));
    child.once('exit', (code, signal) => {
      setTimeout(() => resolve({ code, signal, error: null }), 1000).unref();
    });
  });
  return { child, out, exited };
}

/**
 * @param {{ combined: string }} out
 */
function tail(out, lines = 40) {
  const text = out.combined.trimEnd();
  if (!text) return '  (no output)';
  return text
    .split('\n')
    .slice(-lines)
    .map((l) => `  | ${l}`)
    .join('\n');
}

/**
 * Start the README's app and wait until it is ready.
 * @param {string} command
 * @param {string | null} ready
 * @param {string} cwd
 * @param {number} port
 * @param {number} timeoutMs
 */
async function startApp(command, ready, cwd, port, timeoutMs) {
  const cmd = command.replaceAll('{port}', String(port));
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1' };
  const app = spawnGroup(cmd, [], { cwd, env, shell: true });
  /** @type {{ exit: ExitInfo | null }} */
  const state = { exit: null };
  void app.exited.then((e) => (state.exit = e));
  const deadline = Date.now() + timeoutMs;
  const what = ready ? `a 2xx from GET ${ready}` : `a TCP connect on port ${port}`;
  while (true) {
    const e = state.exit;
    if (e) {
      const how = e.error ? e.error.message : e.signal ? `signal ${e.signal}` : `code ${e.code}`;
      await killGroup(app.child);
      throw new SetupError(`app exited early (${how}) — start: ${cmd}\n${tail(app.out)}`);
    }
    if (ready ? await httpReady(port, ready) : await tcpReady(port)) break;
    if (Date.now() >= deadline) {
      await killGroup(app.child);
      throw new SetupError(
        `app not ready after ${timeoutMs} ms (waited for ${what}) — start: ${cmd}\n${tail(app.out)}`,
      );
    }
    await sleep(100);
  }
  return { ...app, cmd, hasExited: () => state.exit !== null };
}

let shellBin = /** @type {string | null} */ (null);
function shell() {
  if (shellBin === null) {
    shellBin = spawnSync('bash', ['-c', 'true']).status === 0 ? 'bash' : 'sh';
  }
  return shellBin;
}

/**
 * Run one call block with a 30 s timeout.
 * @param {string} command
 * @param {string} cwd
 * @param {NodeJS.ProcessEnv} env
 */
async function runCall(command, cwd, env) {
  const run = spawnGroup(shell(), ['-c', command], { cwd, env });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void killGroup(run.child);
  }, CALL_TIMEOUT_MS);
  const result = await run.exited;
  clearTimeout(timer);
  await killGroup(run.child);
  return { ...result, timedOut, stdout: run.out.stdout, stderr: run.out.stderr };
}

/** @param {string} s @param {string} prefix */
function indentBlock(s, prefix = '    ') {
  return s
    .split('\n')
    .map((l) => `${prefix}${l}`)
    .join('\n');
}

/**
 * @param {Options['only']} only
 * @param {string} file
 * @param {Call} call
 */
function selected(only, file, call) {
  if (!only) return true;
  if (only.file && path.resolve(only.file) !== path.resolve(file)) return false;
  return only.line >= call.line && only.line <= call.endLine;
}

/**
 * Check one README.
 * @param {string} file
 * @param {Options} opts
 * @returns {Promise<{ passed: number, failed: number } | null>} null when --only selects nothing
 */
async function checkReadme(file, opts) {
  let text;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new SetupError(`cannot read ${file}: ${/** @type {Error} */ (err).message}`);
  }
  const display = path.relative(process.cwd(), file) || file;
  let parsed;
  try {
    parsed = parseReadme(text);
  } catch (err) {
    throw new SetupError(`${display}: ${/** @type {Error} */ (err).message}`);
  }
  if (!parsed.calls.length) throw new SetupError(`${display}: no curl calls found`);
  const calls = parsed.calls.filter((c) => selected(opts.only, file, c));
  if (!calls.length) return null;

  const cwd = path.dirname(path.resolve(file));
  const runnable = calls.filter((c) => !c.skip && !c.error);
  const port = await freePort();
  /** @type {Awaited<ReturnType<typeof startApp>> | null} */
  let app = null;
  const counts = { passed: 0, failed: 0 };
  try {
    if (parsed.start !== null && runnable.length) {
      app = await startApp(parsed.start, parsed.ready, cwd, port, opts.timeoutMs).catch((err) => {
        if (err instanceof SetupError) err.message = `${display}: ${err.message}`;
        throw err;
      });
    }
    const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1' };
    for (const call of calls) {
      const label = `${display}:${call.line} ${callLabel(call.command)}`;
      if (call.skip) {
        console.log(`- ${label} (skipped)`);
        continue;
      }
      if (call.error) {
        counts.failed++;
        console.log(`✗ ${label}\n    ${call.error}`);
        continue;
      }
      const command = parsed.start !== null ? rewritePort(call.command, port) : call.command;
      const res = await runCall(command, cwd, env);
      /** @type {string[]} */
      const problems = [];
      if (res.error) problems.push(`could not run ${shell()}: ${res.error.message}`);
      else if (res.timedOut) problems.push(`timed out after ${CALL_TIMEOUT_MS} ms`);
      else if (res.code !== 0) {
        problems.push(`exited with ${res.signal ? `signal ${res.signal}` : `code ${res.code}`}`);
      }
      if (!problems.length) {
        const cmp =
          call.kind === 'json'
            ? compareJson(/** @type {string} */ (call.expected), res.stdout)
            : compareText(/** @type {string} */ (call.expected), res.stdout);
        if (!cmp.ok) problems.push(cmp.message);
      } else if (res.stdout.trim()) {
        problems.push(`stdout:\n${indentBlock(res.stdout.trimEnd(), '  | ')}`);
      }
      if (problems.length && res.stderr.trim()) {
        problems.push(`stderr:\n${indentBlock(res.stderr.trimEnd(), '  | ')}`);
      }
      if (problems.length && app?.hasExited()) {
        problems.push(`note: the app has exited; its output:\n${tail(app.out)}`);
      }
      console.log(`${problems.length ? '✗' : '✓'} ${label}`);
      if (problems.length) {
        counts.failed++;
        console.log(indentBlock(problems.join('\n')));
      } else counts.passed++;
      if (opts.verbose) {
        console.log(indentBlock(`actual output:\n${indentBlock(res.stdout.trimEnd(), '  | ')}`));
      }
    }
  } finally {
    if (app) await killGroup(app.child);
  }
  return counts;
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`check-readme: ${err.message}\n\n${USAGE}`);
    return 2;
  }
  if (opts.help) {
    console.log(USAGE);
    return 0;
  }
  const total = { passed: 0, failed: 0 };
  let setupFailed = false;
  let selectedAny = false;
  for (const file of opts.files) {
    if (opts.only?.file && path.resolve(opts.only.file) !== path.resolve(file)) continue;
    try {
      const c = await checkReadme(file, opts);
      if (!c) continue;
      selectedAny = true;
      total.passed += c.passed;
      total.failed += c.failed;
    } catch (err) {
      if (!(err instanceof SetupError)) throw err;
      setupFailed = true;
      selectedAny = true;
      console.error(`check-readme: ${err.message}`);
    }
  }
  if (!selectedAny) {
    console.error(`check-readme: --only ${opts.only?.line} matches no curl call`);
    setupFailed = true;
  }
  console.log(`check-readme: ${total.passed} passed, ${total.failed} failed`);
  return setupFailed ? 2 : total.failed ? 1 : 0;
}

main().then(
  (code) => {
    killAllSync();
    process.exitCode = code;
  },
  (err) => {
    killAllSync();
    console.error('check-readme: unexpected error:', err);
    process.exitCode = 2;
  },
);
