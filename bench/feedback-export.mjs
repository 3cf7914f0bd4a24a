// `npm run bench -- feedback --only export [--exportVotes 2000]`
// Export throughput with flat memory: a worker process per size (exportVotes and 10× that, each
// run with --expose-gc) fills an in-memory PGlite store with pairwise votes (not timed): items of
// two answers, two annotators per item agreeing (shown in opposite orders, so the position mapping
// is exercised), so every item gives one DPO line. Then it times `exportFeedback(store,
// { format: 'dpo-trl' })` consuming its lines (bytes counted), sampling heapUsed every 5 ms and
// every 100 lines from a gc()'d baseline. The peer, in the same worker on the same data, is the
// naive export: gather every page of `listFeedback` (capped at 1,000 rows a page) into one array,
// then map the items to lines; its heap grows with the set. PGlite's own memory is WASM memory
// (ArrayBuffers), not heapUsed, so the figure is the JavaScript the export holds. Flat means
// growth(10×) ÷ growth(1×) ≈ 1; the bar here is < 3.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const self = fileURLToPath(import.meta.url);
const feedbackDist = new URL('../packages/feedback/dist/', import.meta.url);
const MiB = 1024 * 1024;
const FLAT_BAR = 3;
const BATCH = 1000;

export async function run(flags) {
  const sizes = [flags.exportVotes, flags.exportVotes * 10];
  const bySize = [];
  console.log(
    "DPO (dpo-trl) export of pairwise votes, 2 agreeing annotators per item; heap growth over a gc()'d baseline: live = gc() before each sample, sampled = heapUsed as is (garbage included)",
  );
  for (const votes of sizes) {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--expose-gc', self, 'worker', String(votes)],
      { maxBuffer: 16 * MiB },
    );
    const line = JSON.parse(stdout.trim().split('\n').at(-1));
    bySize.push(line);
    for (const mode of ['ours', 'naive']) {
      const figures = line[mode];
      console.log(
        `${String(votes).padStart(7)} votes  ${mode === 'ours' ? 'ours (streamed)  ' : 'naive (all pages)'}  ${figures.linesPerSecond.toFixed(0).padStart(6)} lines/s (${figures.votesPerSecond.toFixed(0)} votes/s, ${figures.lines} lines, ${(figures.bytes / MiB).toFixed(1)} MiB in ${(figures.wallMs / 1000).toFixed(2)} s)  heap growth live ${figures.liveHeapGrowthMiB.toFixed(1)} MiB, sampled ${figures.peakHeapGrowthMiB.toFixed(1)} MiB`,
      );
    }
    if (!line.sameOutput)
      console.log(
        `  ours and naive wrote different bytes: ${line.ours.bytes} ≠ ${line.naive.bytes}`,
      );
  }
  const ratio = (mode, key) => bySize[1][mode][key] / bySize[0][mode][key];
  const result = {
    sizes: bySize,
    liveGrowthRatio: {
      ours: ratio('ours', 'liveHeapGrowthMiB'),
      naive: ratio('naive', 'liveHeapGrowthMiB'),
    },
    sampledGrowthRatio: {
      ours: ratio('ours', 'peakHeapGrowthMiB'),
      naive: ratio('naive', 'peakHeapGrowthMiB'),
    },
    throughputRatio: bySize.map((size) => size.ours.linesPerSecond / size.naive.linesPerSecond),
  };
  // Garbage between collections is not memory the export holds: "flat" is judged on live growth.
  result.memoryFlat = result.liveGrowthRatio.ours < FLAT_BAR;
  const times = (value) => `${value.toFixed(2)}×`;
  console.log(
    `heap growth ${sizes[1]} ÷ ${sizes[0]} votes: ours ${times(result.liveGrowthRatio.ours)} live (${times(result.sampledGrowthRatio.ours)} sampled), naive ${times(result.liveGrowthRatio.naive)} live (${times(result.sampledGrowthRatio.naive)} sampled); memory flat (ours live < ${FLAT_BAR}×): ${result.memoryFlat ? 'held' : 'MISSED'}`,
  );
  console.log(
    `ours ÷ naive lines/s: ${result.throughputRatio.map(times).join(' at ' + sizes[0] + ', ')} at ${sizes[1]} votes`,
  );
  return result;
}

/**
 * One size: fill (not timed), then each export twice: a live pass (gc() before every sample:
 * what the export holds, garbage left out) and a timed pass (heapUsed as it is, garbage included,
 * on a 5 ms timer too). The live passes go first, so the timed ones run on warm code.
 */
async function worker(votes) {
  const { createDatabase } = await import('@repo/storage');
  const { createFeedbackStore, exportFeedback } = await import('@repo/feedback');
  const database = await createDatabase({ url: 'memory://' });
  const store = await createFeedbackStore(database);
  const fillStarted = performance.now();
  await fill(database, votes);
  const fillMs = performance.now() - fillStarted;

  const exports = {
    async ours(sample) {
      const exported = exportFeedback(store, { format: 'dpo-trl' });
      let lines = 0;
      let bytes = 0;
      for await (const line of exported.lines) {
        bytes += Buffer.byteLength(line) + 1;
        if (++lines % 100 === 0) sample();
      }
      return { lines, bytes, rowsWritten: exported.card().rowsWritten };
    },
    naive: (sample) => naiveExport(store, sample),
  };
  const live = {};
  for (const mode of ['ours', 'naive']) live[mode] = await measure(votes, exports[mode], true);
  const line = { votes, fillMs, sameOutput: live.ours.bytes === live.naive.bytes };
  for (const mode of ['ours', 'naive']) {
    line[mode] = await measure(votes, exports[mode], false);
    line[mode].liveHeapGrowthMiB = live[mode].peakHeapGrowthMiB;
  }
  await database.close();
  console.log(JSON.stringify(line));
}

/** One export from a collected heap; `live` collects before each sample (and is not timed). */
async function measure(votes, exportOnce, live) {
  globalThis.gc();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  const sample = () => {
    if (live) globalThis.gc();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  const timer = live ? undefined : setInterval(sample, 5);
  const started = performance.now();
  const counts = await exportOnce(sample);
  const wallMs = performance.now() - started;
  clearInterval(timer);
  sample();
  return {
    ...counts,
    wallMs,
    linesPerSecond: (counts.lines / wallMs) * 1000,
    votesPerSecond: (votes / wallMs) * 1000,
    peakHeapGrowthMiB: (peak - baseline) / MiB,
  };
}

/** The whole set in memory first, then lines: what an export without paging does. */
async function naiveExport(store, sample) {
  const { toTrainingMessages } = await import(new URL('export/training-messages.js', feedbackDist));
  const rows = [];
  let cursor;
  do {
    const page = await store.listFeedback({
      kind: 'pairwise',
      order: 'item',
      limit: 1000,
      ...(cursor === undefined ? {} : { cursor }),
    });
    rows.push(...page.items);
    cursor = page.nextCursor;
    sample();
  } while (cursor !== undefined);
  // The plurality of each item's outcomes; a split vote, a tie or both-bad gives no pair.
  const items = new Map();
  for (const row of rows) {
    const item = items.get(row.itemKey) ?? { candidates: row.candidates, outcomes: {} };
    item.outcomes[row.outcome] = (item.outcomes[row.outcome] ?? 0) + 1;
    items.set(row.itemKey, item);
  }
  const ids = [...new Set(rows.flatMap((row) => row.candidates))];
  const targets = new Map();
  for (let start = 0; start < ids.length; start += BATCH)
    for (const [id, target] of await store.getTargets(ids.slice(start, start + BATCH)))
      targets.set(id, target);
  sample();
  const lines = [];
  for (const { candidates, outcomes } of items.values()) {
    const ranked = Object.entries(outcomes).sort((a, b) => b[1] - a[1]);
    const [winner, count] = ranked[0];
    if (ranked[1]?.[1] === count || (winner !== 'A' && winner !== 'B')) continue;
    const [chosen, rejected] = (winner === 'A' ? candidates : candidates.toReversed()).map((id) =>
      targets.get(id),
    );
    lines.push(
      JSON.stringify({
        prompt: toTrainingMessages(chosen.prompt),
        chosen: [{ role: 'assistant', content: chosen.answer }],
        rejected: [{ role: 'assistant', content: rejected.answer }],
      }),
    );
    if (lines.length % 100 === 0) sample();
  }
  let bytes = 0;
  for (const line of lines) bytes += Buffer.byteLength(line) + 1;
  sample();
  return { lines: lines.length, bytes, rowsWritten: lines.length };
}

/**
 * `votes` pairwise votes, two per item, written in bulk through the store's own row builders:
 * thousands of single `recordFeedback` calls would only make the untimed part slow.
 */
async function fill(database, votes) {
  const { userMessage } = await import('@repo/core');
  const { feedback, feedbackTargets } = await import('@repo/feedback');
  const load = (path) => import(new URL(path, feedbackDist));
  const { toTargetRow } = await load('store/validate-target.js');
  const { normalizeFeedback } = await load('store/validate-feedback.js');
  const { toFeedbackRow } = await load('store/feedback-rows.js');
  const items = Math.floor(votes / 2);
  for (let start = 0; start < items; start += BATCH / 2) {
    const targets = [];
    const rows = [];
    for (let i = start; i < Math.min(items, start + BATCH / 2); i++) {
      const prompt = [
        userMessage(
          i % 2 === 0 ? `第${i}个问题：怎么退货？` : `Question ${i}: how do I return an order?`,
        ),
      ];
      const [a, b] = [`r${i}-a`, `r${i}-b`].map((responseId, k) =>
        toTargetRow({
          responseId,
          prompt,
          answer:
            k === 0
              ? `第${i}个回答：请在订单页面点击“申请退货”，填写原因后提交，客服会在一个工作日内处理。`
              : `Answer ${i}: contact support.`,
          model: k === 0 ? 'local-detailed' : 'local-brief',
        }),
      );
      targets.push(a, b);
      // Both prefer a: one sees it on the left, the other on the right.
      for (const [annotator, shown, choice] of [
        ['标注员甲', [a.responseId, b.responseId], 'left'],
        ['annotator-b', [b.responseId, a.responseId], 'right'],
      ]) {
        const vote = normalizeFeedback({
          id: `v${i}-${annotator}`,
          kind: 'pairwise',
          shown,
          choice,
          annotator: { id: annotator, kind: 'crowd' },
        });
        rows.push(toFeedbackRow(vote, a.promptHash));
      }
    }
    await database.db.insert(feedbackTargets).values(targets);
    await database.db.insert(feedback).values(rows);
  }
}

if (process.argv[1] === self && process.argv[2] === 'worker') {
  await worker(Number(process.argv[3]));
}
