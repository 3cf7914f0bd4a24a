// Small helpers shared by the benches: percentiles, memory sampling, result files.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export function summarise(samplesMs) {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean,
  };
}

/** Samples RSS every 50 ms; `stop()` returns the peak in MiB. */
export function trackPeakRss() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss) / 1024 / 1024;
    },
  };
}

export function saveResult(name, result) {
  const dir = new URL('./results/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  const file = new URL(`${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`, dir);
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  return file.pathname;
}

export function parseFlags(args, defaults) {
  const flags = { ...defaults };
  for (let i = 0; i < args.length; i++) {
    const key = args[i]?.replace(/^--/, '');
    if (key && key in flags) flags[key] = Number(args[++i]);
  }
  return flags;
}

/** A free TCP port on loopback. */
export async function freePort() {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Spawns `node <script> …args` and resolves once stdout matches `ready` (a RegExp whose first
 * group is returned as `match`). `stop()` kills it.
 */
export async function startNode(script, args, { env = {}, ready }) {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [script, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk) => (err += chunk));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = ready.exec(out);
      if (match) resolve({ match: match[1], child, pid: child.pid, stop: () => child.kill() });
    });
    child.on('exit', (code) =>
      reject(new Error(`${script} exited early (${code}):\n${out}\n${err}`)),
    );
  });
}

/** local-llm on a free port in its own process, so its CPU is not charged to the clients. */
export async function startLocalLlm({ control = false } = {}) {
  const bin = new URL('../packages/local-llm/bin/local-llm.js', import.meta.url).pathname;
  const server = await startNode(bin, ['serve', '--port', '0', ...(control ? ['--control'] : [])], {
    ready: /listening on (http:\/\/\S+\/v1)/,
  });
  return { baseURL: server.match, pid: server.pid, stop: server.stop };
}

/** Polls `url` until it answers 2xx; resolves with the milliseconds since `since`. */
export async function waitForHttp(url, since, timeoutMs = 30_000) {
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return performance.now() - since;
    } catch {
      // not listening yet
    }
    if (performance.now() - since > timeoutMs) throw new Error(`${url} did not answer`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let clockTicks;

/**
 * CPU time (user + system, all threads, ms) process `pid` has used so far, from /proc/<pid>/stat
 * (Linux; 10 ms resolution at the usual 100 ticks/s, so measure hundreds of requests at once).
 * Unlike throughput, it hardly moves when other work shares the machine.
 */
export function processCpuMs(pid) {
  clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // After "pid (comm) ": state is field 3, utime field 14, stime field 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
}

/** `--only a,b` (a subset of `sections`) out of the flags, and the rest for parseFlags (numbers only). */
export function parseOnly(args, sections) {
  const at = args.indexOf('--only');
  if (at === -1) return { only: sections, rest: args };
  const only = String(args[at + 1] ?? '')
    .split(',')
    .filter(Boolean);
  const unknown = only.filter((name) => !sections.includes(name));
  if (only.length === 0 || unknown.length > 0)
    throw new Error(`--only takes ${sections.join('|')} (or a comma list), not "${args[at + 1]}"`);
  return { only, rest: [...args.slice(0, at), ...args.slice(at + 2)] };
}

/** Runs a child process and returns its last stdout line as JSON (bench workers print one). */
export async function lastJsonLine(command, args, env = {}) {
  const { stdout } = await promisify(execFile)(command, args, {
    env: { ...process.env, ...env },
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1));
}

/** Whether `python3` on PATH can import these modules (`'numpy'`, `'tiktoken, regex'`). */
export async function pythonCanImport(modules) {
  try {
    await promisify(execFile)('python3', ['-c', `import ${modules}`]);
    return true;
  } catch {
    return false;
  }
}
