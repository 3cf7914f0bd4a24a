import { expect, it } from 'vitest';
import { createFeedbackStore } from './create-feedback-store.js';
import {
  alice,
  bob,
  correction,
  pairwise,
  ranking,
  rating,
  target,
  thumbs,
} from './__fixtures__/feedback-fixtures.js';
import { describeOnBothEngines, rejection } from './__fixtures__/store-suite.js';

describeOnBothEngines('feedback store: recording', (t) => {
  it('records a target once: a retry returns it, another body under its id is a conflict', async () => {
    const [a] = await t.answers();
    const stored = await t.store.getTarget(a);
    expect(stored).toMatchObject({ responseId: a, model: 'qwen-plus', provider: 'dashscope' });
    expect(stored?.prompt[1]).toEqual({
      role: 'user',
      parts: [{ type: 'text', text: '用一句话解释什么是大语言模型。' }],
    });
    expect(
      await t.store.recordTarget(target(a, '回答0：大语言模型是根据上文预测下一个词的神经网络。')),
    ).toEqual(stored);
    const error = await rejection(t.store.recordTarget(target(a, '另一个回答')));
    expect([error.kind, error.details]).toEqual([
      'conflict',
      [{ field: 'responseId', reason: 'is already stored with a different body' }],
    ]);
  });

  it('stores each kind with its canonical fields', async () => {
    const [a, b, c] = await t.answers();
    const common = { annotator: alice, rubricVersion: 'v2', taskId: `${t.p}-t` };
    const vote = await t.store.recordFeedback({
      ...pairwise({ ...common, id: `${t.p}-1` }, [b, a], 'left'),
      strength: 2,
    });
    expect(vote.created).toBe(true);
    expect(vote.feedback).toMatchObject({
      kind: 'pairwise',
      candidates: [a, b],
      shown: [b, a],
      choice: 'left',
      outcome: 'B', // left was b, which is candidates[1]
      strength: 2,
      itemKey: JSON.stringify(['pairwise', a, b]),
      current: true,
      status: 'submitted',
    });
    const ranked = await t.store.recordFeedback(
      ranking({ ...common, id: `${t.p}-2` }, [[c], [b, a]]),
    );
    expect(ranked.feedback).toMatchObject({ candidates: [a, b, c], ranking: [[c], [a, b]] });
    const rated = await t.store.recordFeedback(
      rating({ ...common, id: `${t.p}-3` }, a, { 准确性: 4, 简洁性: 7 }, 7),
    );
    expect(rated.feedback).toMatchObject({
      targetId: a,
      scale: 7,
      scores: { 准确性: 4, 简洁性: 7 },
    });
    const fixed = await t.store.recordFeedback(
      correction({ ...common, id: `${t.p}-4` }, a, '更好的回答。'),
    );
    expect(fixed.feedback).toMatchObject({ kind: 'correction', targetId: a, text: '更好的回答。' });
    const up = await t.store.recordFeedback({
      ...thumbs({ ...common, id: `${t.p}-5`, comment: '很清楚' }, a, 'down'),
      reasons: ['太长'],
    });
    expect(up.feedback).toMatchObject({ value: 'down', reasons: ['太长'], comment: '很清楚' });
    expect(await t.store.getFeedback(`${t.p}-1`)).toEqual(vote.feedback);
  });

  it('stores an id once: a retry returns the stored row, another body is a conflict naming id', async () => {
    const [a] = await t.answers();
    const first = await t.store.recordFeedback(
      thumbs({ id: `${t.p}-x`, annotator: alice }, a, 'up'),
    );
    const again = await t.store.recordFeedback(
      thumbs({ id: `${t.p}-x`, annotator: alice }, a, 'up'),
    );
    expect(again).toEqual({ feedback: first.feedback, created: false });
    const error = await rejection(
      t.store.recordFeedback(thumbs({ id: `${t.p}-x`, annotator: alice }, a, 'down')),
    );
    expect([error.kind, error.details[0]?.field]).toEqual(['conflict', 'id']);
    expect((await t.store.countFeedback({ responseId: a })).total).toBe(1);
  });

  it('answers not_found for a response that was never recorded, naming the field', async () => {
    const [a] = await t.answers();
    const error = await rejection(
      t.store.recordFeedback(pairwise({ id: `${t.p}-n`, annotator: bob }, [a, `${t.p}-zz`], 'tie')),
    );
    expect([error.kind, error.details]).toEqual([
      'not_found',
      [{ field: 'shown', reason: `names the unknown response "${t.p}-zz"` }],
    ]);
  });

  it('refuses to compare answers to different prompts, and a correction equal to the answer', async () => {
    const [a] = await t.answers();
    await t.store.recordTarget(target(`${t.p}-other`, '别的', '另一个问题？'));
    const mixed = await rejection(
      t.store.recordFeedback(
        pairwise({ id: `${t.p}-m`, annotator: bob }, [a, `${t.p}-other`], 'left'),
      ),
    );
    expect(mixed.details).toEqual([
      { field: 'shown', reason: 'must name answers to the same prompt' },
    ]);
    const same = (await t.store.getTarget(a))?.answer ?? '';
    const noop = await rejection(
      t.store.recordFeedback(correction({ id: `${t.p}-c`, annotator: bob }, a, same)),
    );
    expect(noop.details).toEqual([
      { field: 'text', reason: 'must differ from the answer it corrects' },
    ]);
  });

  it('migrates idempotently: a second store on the same database sees the rows', async () => {
    const [a] = await t.answers();
    const again = await createFeedbackStore(t.database);
    expect((await again.getTarget(a))?.responseId).toBe(a);
    expect(await again.lastSequence()).toBe(await t.store.lastSequence());
  });
});
