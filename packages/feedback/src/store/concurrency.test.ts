// 50 writers at once, retrying some ids (the same body) and racing on others (different bodies):
// every id ends up stored exactly once, nothing is lost, and each racer learns what was stored.
import { expect, it } from 'vitest';
import type { RecordFeedbackResult } from './feedback-store.js';
import { target, thumbs, uniquePrefix } from './__fixtures__/feedback-fixtures.js';
import { describeOnBothEngines } from './__fixtures__/store-suite.js';

const WRITERS = 50;
const PER_WRITER = 8;
const SHARED = 5;

describeOnBothEngines('concurrent writers', (t) => {
  it(`keeps ${WRITERS} concurrent writers' rows, each id once`, async () => {
    const p = uniquePrefix();
    const targets = Array.from({ length: 10 }, (_, i) => `${p}-r${i}`);
    for (const id of targets) await t.store.recordTarget(target(id, `第${id}个回答`));
    const campaignId = `${p}-c`;
    const writers = Array.from({ length: WRITERS }, async (_, w) => {
      const annotator = { id: `标注员${w}`, kind: 'crowd' as const };
      const results: Array<[string, RecordFeedbackResult]> = [];
      for (let i = 0; i < PER_WRITER; i++) {
        const id = `${p}-w${w}-${i}`;
        const vote = thumbs({ id, annotator, campaignId }, targets[i] as string, 'up');
        // Every writer also sends each shared vote: all 50 race on the same 5 ids.
        const shared = `${p}-shared-${i % SHARED}`;
        const sharedVote = thumbs(
          { id: shared, annotator: { id: 'bot', kind: 'model' }, campaignId },
          targets[9] as string,
          'down',
        );
        const [own, dup] = await Promise.all([
          t.store.recordFeedback(vote),
          t.store.recordFeedback(sharedVote),
        ]);
        results.push([id, own], [shared, dup]);
      }
      return results;
    });
    const results = (await Promise.all(writers)).flat();
    const counts = await t.store.countFeedback({
      campaignId,
      status: 'any',
      includeSuperseded: true,
    });
    expect(counts.total).toBe(WRITERS * PER_WRITER + SHARED);
    const sequences = new Map<string, Set<number>>();
    for (const [id, result] of results) {
      expect(result.feedback.id).toBe(id);
      sequences.set(id, (sequences.get(id) ?? new Set()).add(result.feedback.sequence));
    }
    // Every caller of one id saw the one stored row, and it was created exactly once.
    expect([...sequences.values()].every((set) => set.size === 1)).toBe(true);
    for (let s = 0; s < SHARED; s++) {
      const racers = results.filter(([id]) => id === `${p}-shared-${s}`);
      expect(racers.filter(([, result]) => result.created)).toHaveLength(1);
    }
    // The five shared ids are one annotator's votes on one item: only the newest is current.
    const current = await t.store.listFeedback({ campaignId, responseId: targets[9] });
    expect(current.items).toHaveLength(1);
  });

  it('lets exactly one of racing different bodies under one id win; the others get a conflict', async () => {
    const p = uniquePrefix();
    await t.store.recordTarget(target(`${p}-r`, '回答'));
    const attempts = await Promise.allSettled(
      Array.from({ length: WRITERS }, (_, w) =>
        t.store.recordFeedback(
          thumbs({ id: `${p}-same`, annotator: { id: `a${w}`, kind: 'crowd' } }, `${p}-r`, 'up'),
        ),
      ),
    );
    const won = attempts.filter((a) => a.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const reasons = attempts.flatMap((a) =>
      a.status === 'rejected' ? [(a.reason as { kind: string }).kind] : [],
    );
    expect(reasons).toEqual(Array.from({ length: WRITERS - 1 }, () => 'conflict'));
    expect((await t.store.countFeedback({ responseId: `${p}-r` })).total).toBe(1);
  });
});
