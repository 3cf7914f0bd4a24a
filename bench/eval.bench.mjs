// `npm run bench -- eval [--cases 1000] [--concurrency 16] [--latency 20] [--rounds 3]`
// The runner's overhead: a suite of `cases` cases at `concurrency` against local-llm on a port,
// every request delayed `latency` ms (fault injection). The ideal wall time is
// cases × latency / concurrency; the target is ours ≤ 1.15 × ideal. The peer, in the same run,
// is the raw openai SDK in a pool of the same size. Each pass runs in its own process (peak RSS
// and CPU time are then that pass's own); ours and raw alternate, and the median of the rounds is
// reported. The ideal needs 800 requests/s: when the client's CPU per case times 800 exceeds one
// core, no client reaches it, and the wall time reports the CPU bound, not the runner's design.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parseFlags, saveResult, startLocalLlm, summarise } from './lib.mjs';

const worker = new URL('./eval-worker.mjs', import.meta.url).pathname;

export async function run(args) {
  const flags = parseFlags(args, { cases: 1000, concurrency: 16, latency: 20, rounds: 3 });
  const llm = await startLocalLlm({ control: true });
  const passes = { ours: [], raw: [] };
  try {
    const origin = llm.baseURL.replace(/\/v1$/, '');
    const faults = await fetch(`${origin}/_local/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ latencyMs: flags.latency }),
    });
    if (!faults.ok) throw new Error(`could not set faults: ${faults.status}`);
    for (let round = 0; round < flags.rounds + 1; round++)
      for (const mode of round % 2 === 0 ? ['raw', 'ours'] : ['ours', 'raw']) {
        const { stdout } = await promisify(execFile)(process.execPath, [
          worker,
          mode,
          llm.baseURL,
          String(flags.cases),
          String(flags.concurrency),
        ]);
        const pass = JSON.parse(stdout.trim().split('\n').at(-1));
        if (pass.errors > 0 || pass.passed !== flags.cases)
          throw new Error(`${mode}: ${pass.passed} passed, ${pass.errors} errors`);
        if (round > 0) passes[mode].push(pass); // round 0 warms local-llm up
      }
  } finally {
    llm.stop();
  }
  const idealMs = (flags.cases * flags.latency) / flags.concurrency;
  const median = (mode, key) => summarise(passes[mode].map((pass) => pass[key])).p50;
  const result = {
    bench: 'eval',
    node: process.version,
    flags,
    idealMs,
    ours: {
      wallMs: median('ours', 'wallMs'),
      cpuMs: median('ours', 'cpuMs'),
      peakRssMiB: median('ours', 'peakRssMiB'),
    },
    raw: {
      wallMs: median('raw', 'wallMs'),
      cpuMs: median('raw', 'cpuMs'),
      peakRssMiB: median('raw', 'peakRssMiB'),
    },
    passes,
  };
  const row = (name, figures) =>
    `${name.padEnd(18)} ${figures.wallMs.toFixed(0).padStart(7)} ms  ${(figures.wallMs / idealMs).toFixed(3)}× ideal  client CPU ${((figures.cpuMs / flags.cases) * 1000).toFixed(0)} µs/case  peak RSS ${figures.peakRssMiB.toFixed(0)} MiB`;
  console.log(
    `${flags.cases} cases, concurrency ${flags.concurrency}, ${flags.latency} ms per request: ideal ${idealMs.toFixed(0)} ms (median of ${flags.rounds})`,
  );
  console.log(row('ours (runSuite)', result.ours));
  console.log(row('raw openai SDK', result.raw));
  console.log(
    `ours / raw: wall ${(result.ours.wallMs / result.raw.wallMs).toFixed(3)}×, peak RSS ${(result.ours.peakRssMiB / result.raw.peakRssMiB).toFixed(2)}×  (target: ours ≤ 1.15× ideal)`,
  );
  console.log(`saved ${saveResult('eval', result)}`);
}
