import { expect, it } from 'vitest';
import { pairwiseAgreement } from '../agreement/pairwise-agreement.js';
import type { PairwiseFeedback } from './feedback-types.js';
import { toPairwiseVote } from './to-pairwise-vote.js';
import { alice, bob, pairwise, thumbs } from './__fixtures__/feedback-fixtures.js';
import { describeOnBothEngines, rejection } from './__fixtures__/store-suite.js';

describeOnBothEngines('feedback store: reading', (t) => {
  it('supersedes an annotator’s earlier answer on the same item without deleting it', async () => {
    const [a, b] = await t.answers();
    await t.store.recordFeedback(pairwise({ id: `${t.p}-1`, annotator: alice }, [a, b], 'left'));
    await t.store.recordFeedback(pairwise({ id: `${t.p}-2`, annotator: bob }, [a, b], 'left'));
    // Same pair shown the other way round is the same item: alice changes her mind.
    await t.store.recordFeedback(pairwise({ id: `${t.p}-3`, annotator: alice }, [b, a], 'left'));
    // Another task is another item for supersession: kept beside the others.
    await t.store.recordFeedback(
      pairwise({ id: `${t.p}-4`, annotator: alice, taskId: `${t.p}-retest` }, [a, b], 'tie'),
    );
    const current = await t.store.listFeedback({ responseId: a });
    expect(current.items.map((f) => f.id)).toEqual([`${t.p}-2`, `${t.p}-3`, `${t.p}-4`]);
    const all = await t.store.listFeedback({ responseId: a, includeSuperseded: true });
    expect(all.items.map((f) => [f.id, f.current])).toEqual([
      [`${t.p}-1`, false],
      [`${t.p}-2`, true],
      [`${t.p}-3`, true],
      [`${t.p}-4`, true],
    ]);
    expect((await t.store.feedbackHistory(`${t.p}-1`)).map((f) => f.id)).toEqual([
      `${t.p}-1`,
      `${t.p}-3`,
    ]);
    // As of a snapshot taken before alice's second vote, her first one was current.
    const before = (await t.store.getFeedback(`${t.p}-2`))?.sequence;
    const then = await t.store.listFeedback({ responseId: a, untilSequence: before });
    expect(then.items.map((f) => f.id)).toEqual([`${t.p}-1`, `${t.p}-2`]);
  });

  it('lists submitted feedback by default; drafts and discarded answers on request', async () => {
    const [a] = await t.answers();
    await t.store.recordFeedback(thumbs({ id: `${t.p}-s`, annotator: alice }, a, 'up'));
    await t.store.recordFeedback(
      thumbs({ id: `${t.p}-d`, annotator: bob, status: 'draft' }, a, 'down'),
    );
    expect((await t.store.listFeedback({ responseId: a })).items.map((f) => f.id)).toEqual([
      `${t.p}-s`,
    ]);
    const any = await t.store.listFeedback({ responseId: a, status: 'any' });
    expect(any.items.map((f) => f.id)).toEqual([`${t.p}-s`, `${t.p}-d`]);
    const drafts = await t.store.listFeedback({ responseId: a, status: 'draft' });
    expect(drafts.items.map((f) => f.status)).toEqual(['draft']);
  });

  it('filters by kind, task, annotator and rubric version, and counts and summarizes', async () => {
    const [a, b] = await t.answers();
    const task = `${t.p}-task`;
    await t.store.recordFeedback(
      thumbs({ id: `${t.p}-1`, annotator: alice, taskId: task, rubricVersion: 'v1' }, a, 'up'),
    );
    await t.store.recordFeedback(
      thumbs({ id: `${t.p}-2`, annotator: bob, taskId: task, rubricVersion: 'v2' }, b, 'down'),
    );
    await t.store.recordFeedback(
      pairwise({ id: `${t.p}-3`, annotator: bob, taskId: task }, [a, b], 'right'),
    );
    const ids = async (query: object) =>
      (await t.store.listFeedback({ taskId: task, ...query })).items.map((f) => f.id);
    expect(await ids({ kind: 'thumbs' })).toEqual([`${t.p}-1`, `${t.p}-2`]);
    expect(await ids({ annotatorId: 'bob' })).toEqual([`${t.p}-2`, `${t.p}-3`]);
    expect(await ids({ rubricVersions: ['v2'] })).toEqual([`${t.p}-2`]);
    expect(await ids({ excludeAnnotatorIds: ['bob'] })).toEqual([`${t.p}-1`]);
    expect(await ids({ responseId: b, kind: 'pairwise' })).toEqual([`${t.p}-3`]);
    const summary = await t.store.summarizeFeedback({ taskId: task });
    expect(summary).toMatchObject({
      total: 3,
      byKind: { thumbs: 2, rating: 0, pairwise: 1, ranking: 0, correction: 0 },
      annotators: { total: 2, byKind: { expert: 1, crowd: 1, end_user: 0, model: 0 } },
      rubricVersions: ['v1', 'v2', null],
    });
    expect(summary.timeRange?.from).toBeInstanceOf(Date);
    expect(await t.store.countFeedback({ taskId: `${t.p}-none` })).toEqual({
      total: 0,
      byKind: { thumbs: 0, rating: 0, pairwise: 0, ranking: 0, correction: 0 },
    });
  });

  it('pages by keyset in every order, each row exactly once', async () => {
    const [a, b, c] = await t.answers();
    const campaignId = `${t.p}-campaign`;
    for (let i = 0; i < 25; i++)
      await t.store.recordFeedback(
        thumbs(
          { id: `${t.p}-${i}`, annotator: { id: `u${i}`, kind: 'end_user' }, campaignId },
          [a, b, c][i % 3] as string,
          'up',
        ),
      );
    for (const order of ['sequence', 'item', 'prompt'] as const) {
      const seen: string[] = [];
      const items: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await t.store.listFeedback({ campaignId, order, limit: 10, cursor });
        seen.push(...page.items.map((f) => f.id));
        items.push(...page.items.map((f) => (order === 'prompt' ? f.promptHash : f.itemKey)));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(new Set(seen).size).toBe(25);
      // Grouped orders bring a group's rows out together: one run per target, or per prompt.
      const runs = items.filter((key, i) => key !== items[i - 1]).length;
      expect(runs).toBe(order === 'sequence' ? 25 : order === 'item' ? 3 : 1);
    }
    const streamed: number[] = [];
    for await (const f of t.store.streamFeedback({ campaignId, limit: 7 }))
      streamed.push(f.sequence);
    expect(streamed).toEqual([...streamed].sort((x, y) => x - y));
    expect(streamed).toHaveLength(25);
    const wrong = await rejection(
      t.store.listFeedback({
        campaignId,
        order: 'item',
        cursor: (await t.store.listFeedback({ campaignId, limit: 1 })).nextCursor,
      }),
    );
    expect(wrong.details).toEqual([
      { field: 'cursor', reason: 'is not a cursor of a listing in item order' },
    ]);
  });

  it('feeds stored votes to the agreement statistics as they are', async () => {
    const [a, b, c] = await t.answers();
    await t.store.recordFeedback(
      pairwise({ id: `${t.p}-1`, annotator: alice, timeSpentMs: 9000 }, [a, b], 'left'),
    );
    await t.store.recordFeedback(pairwise({ id: `${t.p}-2`, annotator: bob }, [b, a], 'right')); // agrees
    await t.store.recordFeedback(pairwise({ id: `${t.p}-3`, annotator: alice }, [a, c], 'left'));
    await t.store.recordFeedback(pairwise({ id: `${t.p}-4`, annotator: bob }, [c, a], 'left')); // disagrees
    const page = await t.store.listFeedback({ kind: 'pairwise', responseId: a });
    const votes = page.items.map((f) => toPairwiseVote(f as PairwiseFeedback));
    expect(votes[0]).toEqual({
      item: JSON.stringify(['pairwise', a, b]),
      annotator: 'alice',
      shown: [a, b],
      choice: 'left',
      durationMs: 9000,
    });
    expect(pairwiseAgreement(votes)).toMatchObject({ rawAgreement: 0.5, items: 2, votes: 4 });
  });
});
