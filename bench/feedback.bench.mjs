// `npm run bench -- feedback [--only leaderboard|votes|export] [options]` (issue 14): three
// sections, each measured against a peer in the same run, saved together as one result.
//   leaderboard  [--battles 100000] [--models 20] [--rounds 1000] [--peerRounds 20] [--passes 3]
//   votes        [--votePrompts 200] [--voteOverlap 10] [--annotators 50]: feedback-votes.mjs
//   export       [--exportVotes 2000]: feedback-export.mjs
// `--only` takes one section or a comma list (default all three).
//
// Leaderboard statistics: a Bradley–Terry fit with `rounds` bootstrap rounds on `battles` simulated
// battles among `models` models (true ratings 25 points apart, 10% ties). Ours aggregates battles
// to (pair, outcome) counts once and draws each round as a multinomial over those cells, so a
// round costs O(pairs). The peer, in the same run and on the same data, is the textbook bootstrap
// that resamples the battles themselves and refits (FastChat's `get_bootstrap_result` in
// elo_analysis.py), O(battles) per round; it runs `peerRounds` rounds and is extrapolated to
// `rounds`. Ours' per-round figure is its whole wall time (aggregation and the point fit
// included) over `rounds`. Each pass runs in its own process, so peak RSS (getrusage maxRSS, exact
// even for synchronous work) is that pass's own; the modes alternate and the median of `passes`
// is reported. The target: ours ≤ 2 s and ≤ 256 MiB for the defaults.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parseFlags, parseOnly, saveResult, summarise } from './lib.mjs';

const dist = new URL('../packages/feedback/dist/leaderboard/', import.meta.url);
const self = fileURLToPath(import.meta.url);
const DEFAULTS = {
  battles: 100_000,
  models: 20,
  rounds: 1000,
  peerRounds: 20,
  passes: 3,
  votePrompts: 200,
  voteOverlap: 10,
  annotators: 50,
  exportVotes: 2000,
};
const SECTIONS = ['leaderboard', 'votes', 'export'];

export async function run(args) {
  const { only, rest } = parseOnly(args, SECTIONS);
  const flags = parseFlags(rest, DEFAULTS);
  const result = { bench: 'feedback', node: process.version, flags, sections: only };
  for (const section of SECTIONS.filter((name) => only.includes(name))) {
    if (only.length > 1) console.log(`\n== ${section} ==`);
    if (section === 'leaderboard') result.leaderboard = await runLeaderboard(flags);
    // Imported on demand: the leaderboard's worker processes load this file, and their peak RSS
    // must stay their own (no NestJS testing helpers, pg or PGlite loaded for nothing).
    if (section === 'votes') result.votes = await (await import('./feedback-votes.mjs')).run(flags);
    if (section === 'export')
      result.export = await (await import('./feedback-export.mjs')).run(flags);
  }
  console.log(`saved ${saveResult('feedback', result)}`);
}

async function runLeaderboard(flags) {
  const passes = { ours: [], peer: [] };
  for (let pass = 0; pass < flags.passes + 1; pass++)
    for (const mode of pass % 2 === 0 ? ['peer', 'ours'] : ['ours', 'peer']) {
      const { stdout } = await promisify(execFile)(process.execPath, [
        self,
        'worker',
        mode,
        JSON.stringify(flags),
      ]);
      // Pass 0 warms the page cache (node, the dist modules) and is not counted.
      if (pass > 0) passes[mode].push(JSON.parse(stdout.trim().split('\n').at(-1)));
    }
  const median = (mode, key) => summarise(passes[mode].map((result) => result[key])).p50;
  const figures = (mode) => ({
    wallMs: median(mode, 'wallMs'),
    perRoundMs: median(mode, 'perRoundMs'),
    cpuMs: median(mode, 'cpuMs'),
    cpuPerRoundMs: median(mode, 'cpuPerRoundMs'),
    peakRssMiB: median(mode, 'peakRssMiB'),
    dataRssMiB: median(mode, 'dataRssMiB'),
  });
  const result = { ours: figures('ours') };
  result.peer = figures('peer');
  result.peer.extrapolatedMs = result.peer.perRoundMs * flags.rounds;
  result.accuracy = passes.ours[0]?.accuracy;
  result.passes = passes;

  const { ours, peer } = result;
  console.log(
    `Bradley–Terry + ${flags.rounds} bootstrap rounds, ${flags.battles} battles, ${flags.models} models (median of ${flags.passes} passes, each in its own process)`,
  );
  console.log(
    `ours (multinomial on pair counts)  ${ours.wallMs.toFixed(0).padStart(6)} ms  ${(ours.perRoundMs * 1000).toFixed(0).padStart(6)} µs/round (CPU ${(ours.cpuPerRoundMs * 1000).toFixed(0)})  peak RSS ${ours.peakRssMiB.toFixed(0)} MiB (battles alone ${ours.dataRssMiB.toFixed(0)} MiB)`,
  );
  console.log(
    `peer (resample battles, refit)     ${peer.extrapolatedMs.toFixed(0).padStart(6)} ms* ${(peer.perRoundMs * 1000).toFixed(0).padStart(6)} µs/round (CPU ${(peer.cpuPerRoundMs * 1000).toFixed(0)})  peak RSS ${peer.peakRssMiB.toFixed(0)} MiB  (*extrapolated from ${flags.peerRounds} rounds)`,
  );
  console.log(
    `peer / ours per round: wall ${(peer.perRoundMs / ours.perRoundMs).toFixed(0)}×, CPU ${(peer.cpuPerRoundMs / ours.cpuPerRoundMs).toFixed(0)}×; ours within 2 s and 256 MiB: ${ours.wallMs <= 2000 && ours.peakRssMiB <= 256 ? 'met' : 'MISSED'}`,
  );
  if (result.accuracy)
    console.log(
      `ours vs the true ratings: worst error ${result.accuracy.worstErrorPoints.toFixed(1)} points, mean 95% interval ${result.accuracy.meanIntervalPoints.toFixed(1)} points wide, true rating inside ${result.accuracy.covered}/${flags.models} intervals`,
    );
  return result;
}

/** One pass: generate the battles (not timed), then time the mode. Prints one JSON line. */
async function worker(mode, flags) {
  const { simulateBattles } = await import(new URL('simulate-battles.js', dist));
  const { bootstrapBradleyTerry } = await import(new URL('bootstrap.js', dist));
  const { fitBradleyTerry } = await import(new URL('bradley-terry.js', dist));
  const { createRandom } = await import(new URL('random.js', dist));
  const truth = Object.fromEntries(
    Array.from({ length: flags.models }, (_, i) => [
      `model-${i}`,
      1000 + 25 * (i - (flags.models - 1) / 2),
    ]),
  );
  const battles = simulateBattles({
    ratings: truth,
    battles: flags.battles,
    tieRate: 0.1,
    seed: 1,
  });
  const dataRssMiB = process.memoryUsage().rss / 1048576;

  const cpu = process.cpuUsage();
  const started = performance.now();
  let rounds;
  let ratings;
  if (mode === 'ours') {
    rounds = flags.rounds;
    ratings = bootstrapBradleyTerry(battles, { rounds, seed: 1 }).ratings;
  } else {
    rounds = flags.peerRounds;
    const random = createRandom(1);
    const sample = new Array(battles.length);
    for (let round = 0; round < rounds; round++) {
      for (let k = 0; k < battles.length; k++)
        sample[k] = battles[Math.floor(random() * battles.length)];
      fitBradleyTerry(sample);
    }
  }
  const wallMs = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  const line = {
    mode,
    wallMs,
    perRoundMs: wallMs / rounds,
    cpuMs: (user + system) / 1000,
    cpuPerRoundMs: (user + system) / 1000 / rounds,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    dataRssMiB,
  };
  if (ratings)
    line.accuracy = {
      worstErrorPoints: Math.max(...ratings.map((row) => Math.abs(row.rating - truth[row.model]))),
      meanIntervalPoints:
        ratings.reduce((sum, row) => sum + row.upper - row.lower, 0) / ratings.length,
      covered: ratings.filter(
        (row) => row.lower <= truth[row.model] && truth[row.model] <= row.upper,
      ).length,
    };
  console.log(JSON.stringify(line));
}

if (process.argv[1] === self && process.argv[2] === 'worker') {
  await worker(process.argv[3], JSON.parse(process.argv[4]));
}
