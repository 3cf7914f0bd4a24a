import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidInputError } from '@repo/core';
import { describe, expect, it } from 'vitest';
import { alice, bob, carol, pairwise, thumbs } from '../store/__fixtures__/feedback-fixtures.js';
import { itemAgreement } from '../agreement/pairwise-agreement.js';
import type { PairwiseFeedback } from '../store/feedback-types.js';
import { toPairwiseVote } from '../store/to-pairwise-vote.js';
import { exportFeedback } from './export-feedback.js';
import type { ExportOptions } from './export-types.js';
import { writeExportFiles } from './write-export-files.js';
import { ANSWERS, linesOf, useExportScene } from './__fixtures__/export-fixtures.js';

const chosenOf = async (
  x: ReturnType<typeof useExportScene>,
  options: Parameters<typeof x.run>[0],
) => (await linesOf(x.run(options))).map((line) => JSON.parse(line).chosen[0].content as string);

describe('export filters and the data card', () => {
  const x = useExportScene();

  it('keeps items whose agreement reaches the minimum; unknown ones are dropped unless kept', async () => {
    const agreed = await x.store.recordFeedback(pairwise(x.by(alice), [x.s.a, x.s.b], 'left'));
    const disputed = await x.store.recordFeedback(pairwise(x.by(alice), [x.s.c, x.s.a], 'right'));
    await x.store.recordFeedback(pairwise(x.by(alice), [x.s.b, x.s.c], 'left'));
    const agreement = new Map([
      [agreed.feedback.itemKey, 0.9],
      [disputed.feedback.itemKey, 0.2],
    ]);
    const strict = x.run({ format: 'dpo-trl', agreement, minAgreement: 0.67 });
    expect((await linesOf(strict)).map((line) => JSON.parse(line).chosen[0].content)).toEqual([
      ANSWERS.a,
    ]);
    expect(strict.card().dropped).toEqual({ low_agreement: 1, agreement_unknown: 1 });
    expect(strict.card().filters).toMatchObject({ minAgreement: 0.67, missingAgreement: 'drop' });
    const lenient = await chosenOf(x, {
      format: 'dpo-trl',
      agreement,
      minAgreement: 0.67,
      missingAgreement: 'keep',
    });
    expect(lenient.sort()).toEqual([ANSWERS.a, ANSWERS.b].sort());
  });

  it('takes the agreement of the stored votes themselves (itemAgreement over toPairwiseVote)', async () => {
    // (a, b): alice and bob both prefer a, shown in opposite orders; (c, a): they disagree.
    await x.store.recordFeedback(pairwise(x.by(alice), [x.s.a, x.s.b], 'left'));
    await x.store.recordFeedback(pairwise(x.by(bob), [x.s.b, x.s.a], 'right'));
    await x.store.recordFeedback(pairwise(x.by(alice), [x.s.c, x.s.a], 'left'));
    await x.store.recordFeedback(pairwise(x.by(bob), [x.s.c, x.s.a], 'right'));
    const stored = await x.store.listFeedback({ kind: 'pairwise' });
    const agreement = itemAgreement(
      stored.items.map((row) => toPairwiseVote(row as PairwiseFeedback)),
    );
    expect([...agreement.values()].sort()).toEqual([0, 1]);
    const exported = x.run({ format: 'dpo-trl', agreement, minAgreement: 0.67 });
    expect((await linesOf(exported)).map((line) => JSON.parse(line).chosen[0].content)).toEqual([
      ANSWERS.a,
    ]);
    expect(exported.card().dropped).toEqual({ low_agreement: 1 });
  });

  it('leaves out excluded annotators and other rubric versions, and counts what it skipped', async () => {
    await x.store.recordFeedback(
      pairwise(x.by(alice, { rubricVersion: 'v2' }), [x.s.a, x.s.b], 'right'),
    );
    await x.store.recordFeedback(
      pairwise(x.by(bob, { rubricVersion: 'v2' }), [x.s.a, x.s.b], 'left'),
    );
    await x.store.recordFeedback(
      pairwise(x.by(carol, { rubricVersion: 'v1' }), [x.s.a, x.s.b], 'left'),
    );
    await x.store.recordFeedback(
      pairwise(x.by(carol, { status: 'draft' }), [x.s.a, x.s.c], 'left'),
    );
    expect(await chosenOf(x, { format: 'dpo-trl' })).toEqual([ANSWERS.a]); // 2 : 1 for a
    const exported = x.run({
      format: 'dpo-trl',
      excludeAnnotators: new Set(['bob']),
      rubricVersions: ['v2'],
    });
    expect((await linesOf(exported)).map((line) => JSON.parse(line).chosen[0].content)).toEqual([
      ANSWERS.b,
    ]);
    const card = exported.card();
    expect(card.feedbackRead).toEqual({ pairwise: 1, ranking: 0, rating: 0, correction: 0 });
    expect(card.feedbackSkipped).toEqual({
      superseded: 0,
      notSubmitted: 1,
      excludedAnnotators: 1,
      otherRubricVersions: 1,
    });
    expect(card.filters).toEqual({
      kinds: ['pairwise', 'ranking', 'rating', 'correction'],
      excludedAnnotators: ['bob'],
      rubricVersions: ['v2'],
      campaignId: x.s.campaignId,
      rankingPairs: 'all',
      ratingMargin: 0,
      bothBadAsNegatives: false,
      seed: 0,
    });
    expect(card.provenance).toMatchObject({
      annotators: { total: 1, byKind: { expert: 1, crowd: 0, end_user: 0, model: 0 } },
      rubricVersions: ['v2'],
    });
    expect(card.provenance.timeRange?.from).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('exports as of a snapshot: feedback written after untilSequence is not read', async () => {
    await x.store.recordFeedback(thumbs(x.by(alice), x.s.a, 'up'));
    const until = await x.store.lastSequence();
    await x.store.recordFeedback(thumbs(x.by(alice), x.s.a, 'down')); // supersedes, but later
    const exported = x.run({ format: 'kto', untilSequence: until });
    expect((await linesOf(exported)).map((line) => JSON.parse(line).label)).toEqual([true]);
    expect(exported.card().provenance.untilSequence).toBe(until);
  });

  it('is empty, not an error, when nothing matches: zero lines and a card saying so', async () => {
    const exported = x.run({ format: 'sft-openai' });
    expect(exported.card().complete).toBe(false);
    expect(await linesOf(exported)).toEqual([]);
    expect(exported.card()).toMatchObject({
      complete: true,
      empty: true,
      rowsWritten: 0,
      rowsBySource: { correction: 0, thumbs: 0 },
      dropped: {},
      note: 'Empty export: no current, submitted feedback of these kinds matched the filters.',
      provenance: { annotators: { total: 0 }, rubricVersions: [] },
    });
    expect(exported.card().provenance.timeRange).toBeUndefined();
  });

  it('writes the training file and the data card as two files', async () => {
    await x.store.recordFeedback(thumbs(x.by(alice), x.s.a, 'up'));
    await x.store.recordFeedback(thumbs(x.by(alice), x.s.c, 'down'));
    const folder = await mkdtemp(join(tmpdir(), 'feedback-export-'));
    try {
      const file = join(folder, 'kto.jsonl');
      const card = await writeExportFiles(x.run({ format: 'kto' }), { file });
      const written = (await readFile(file, 'utf8')).split('\n');
      expect(written).toHaveLength(3); // two lines and the final newline
      expect(written.every((line) => !line.includes('rowsWritten'))).toBe(true);
      expect(JSON.parse(await readFile(join(folder, 'kto.card.json'), 'utf8'))).toEqual(card);
      expect(card.rowsWritten).toBe(2);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('refuses options a format cannot honour, naming them, before reading anything', () => {
    const details = (options: ExportOptions) => {
      try {
        exportFeedback(x.store, options);
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidInputError);
        return (error as InvalidInputError).details;
      }
      return [];
    };
    expect(details({ format: 'sft-openai', kinds: ['pairwise'] })).toEqual([
      { field: 'kinds[0]', reason: 'must be one of correction, thumbs for sft-openai' },
    ]);
    expect(details({ format: 'kto', kinds: ['pairwise'] })).toEqual([
      { field: 'kinds[0]', reason: 'must be one of thumbs for kto' },
    ]);
    expect(details({ format: 'dpo-trl', minAgreement: 0.5, pageSize: 0 })).toEqual([
      {
        field: 'agreement',
        reason: 'must be a Map of item key to agreement when minAgreement is set',
      },
      { field: 'pageSize', reason: 'must be an integer from 1 to 1000' },
    ]);
    expect(details({ format: 'csv' as 'kto' })).toEqual([
      { field: 'format', reason: 'must be one of sft-openai, dpo-openai, dpo-trl, kto, rm-pairs' },
    ]);
  });
});
