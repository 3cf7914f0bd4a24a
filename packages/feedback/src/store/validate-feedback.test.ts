import { assistantMessage, InvalidInputError, userMessage } from '@repo/core';
import { describe, expect, it } from 'vitest';
import type { FeedbackInput, TargetInput } from './feedback-types.js';
import { normalizeFeedback } from './validate-feedback.js';
import { toTargetRow } from './validate-target.js';
import {
  alice,
  pairwise,
  rating,
  ranking,
  target,
  thumbs,
} from './__fixtures__/feedback-fixtures.js';

function detailsOf(run: () => unknown): Array<[string, string]> {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).details.map((d) => [d.field, d.reason]);
  }
  throw new Error('expected an InvalidInputError');
}

const invalid = (input: unknown) => detailsOf(() => normalizeFeedback(input as FeedbackInput));
const common = { id: 'f1', annotator: alice };

describe('normalizeFeedback', () => {
  it('maps a pairwise click to the canonical outcome and keeps the displayed order', () => {
    const shownBA = normalizeFeedback(pairwise(common, ['回答B', '回答A'], 'left'));
    expect(shownBA.responseIds).toEqual(['回答A', '回答B']);
    expect(shownBA.value).toMatchObject({ shown: ['回答B', '回答A'], outcome: 'B' });
    const shownAB = normalizeFeedback(pairwise(common, ['回答A', '回答B'], 'left'));
    expect(shownAB.value).toMatchObject({ outcome: 'A' });
    expect(normalizeFeedback(pairwise(common, ['b', 'a'], 'right')).value).toMatchObject({
      outcome: 'A',
    });
    expect(normalizeFeedback(pairwise(common, ['b', 'a'], 'both-bad')).value).toMatchObject({
      outcome: 'both-bad',
    });
  });

  it('defaults the status to submitted and sorts tie groups', () => {
    const ranked = normalizeFeedback(ranking(common, [['c'], ['b', 'a']]));
    expect([ranked.status, ranked.responseIds, ranked.value.ranking]).toEqual([
      'submitted',
      ['a', 'b', 'c'],
      [['c'], ['a', 'b']],
    ]);
  });

  it('names each field at fault, all at once', () => {
    expect(
      invalid({
        kind: 'thumbs',
        id: ' ',
        annotator: { id: 'a', kind: 'robot' },
        targetId: 'r',
        value: 'meh',
        timeSpentMs: -1,
      }),
    ).toEqual([
      ['id', 'must not be empty'],
      ['annotator.kind', 'must be one of end_user, expert, crowd, model'],
      ['timeSpentMs', 'must be an integer from 0 to 604800000'],
      ['value', 'must be one of up, down'],
    ]);
  });

  it('reports an unknown kind alone, not the fields of some other kind', () => {
    expect(invalid({ ...common, kind: '点赞' })).toEqual([
      ['kind', 'must be one of thumbs, rating, pairwise, ranking, correction'],
    ]);
  });

  it('checks scores against the stored scale', () => {
    expect(invalid(rating(common, 'r', { 准确性: 6, 流畅性: 0, 简洁性: 2.5 }))).toEqual([
      ['scores.准确性', 'must be an integer from 1 to 5'],
      ['scores.流畅性', 'must be an integer from 1 to 5'],
      ['scores.简洁性', 'must be an integer from 1 to 5'],
    ]);
    expect(normalizeFeedback(rating(common, 'r', { 准确性: 6 }, 7)).value).toMatchObject({
      scale: 7,
    });
    expect(invalid({ ...rating(common, 'r', {}), scale: 10 })).toEqual([
      ['scale', 'must be one of 5, 7'],
      ['scores', 'must score 1 to 20 criteria'],
    ]);
  });

  it('checks pairwise candidates, choices and strength', () => {
    expect(invalid({ ...pairwise(common, ['a', 'a'], 'tie'), strength: 2 })).toEqual([
      ['shown', 'must name two different responses'],
      ['strength', 'is only given with a left or right choice'],
    ]);
    expect(invalid(pairwise(common, ['a', 'b'], 'A' as 'left'))).toEqual([
      ['choice', 'must be one of left, right, tie, both-bad'],
    ]);
    expect(invalid({ ...common, kind: 'pairwise', shown: ['a'], choice: 'left' })).toEqual([
      ['shown', 'must hold 2 to 2 items'],
    ]);
  });

  it('checks rankings: each response once, at least two', () => {
    expect(invalid(ranking(common, [['a'], ['b', 'a']]))).toEqual([
      ['ranking', 'must name each response once'],
    ]);
    expect(invalid(ranking(common, [['a']]))).toEqual([['ranking', 'must rank 2 to 16 responses']]);
    expect(invalid(ranking(common, [[], ['a', 'b']]))).toEqual([
      ['ranking[0]', 'must hold 1 to 16 items'],
    ]);
  });

  it('needs a correction text, string metadata and non-empty reasons', () => {
    expect(invalid({ ...common, kind: 'correction', targetId: 'r', text: '  ' })).toEqual([
      ['text', 'must not be empty'],
    ]);
    expect(invalid({ ...thumbs(common, 'r', 'up'), reasons: [''], metadata: { 来源: 1 } })).toEqual(
      [
        ['metadata.来源', 'must be a string'],
        ['reasons[0]', 'must not be empty'],
      ],
    );
  });

  it('says what is wrong in the message too', () => {
    expect(() => normalizeFeedback({ ...thumbs(common, '', 'up') })).toThrow(
      'Invalid feedback: targetId must not be empty',
    );
  });
});

describe('toTargetRow', () => {
  const invalidTarget = (input: unknown) => detailsOf(() => toTargetRow(input as TargetInput));

  it('hashes the prompt, so answers to one prompt group together', () => {
    const a = toTargetRow(target('a', '甲'));
    const b = toTargetRow(target('b', '乙'));
    expect(a.promptHash).toBe(b.promptHash);
    expect(a.promptHash).not.toBe(toTargetRow(target('c', '丙', '别的问题？')).promptHash);
    expect(a.bodyHash).not.toBe(b.bodyHash);
  });

  it('checks the prompt message by message and the other fields', () => {
    expect(
      invalidTarget({
        responseId: 'r',
        prompt: [
          { role: 'user', parts: [{ type: 'tool-call', id: 'x' }] },
          assistantMessage('好的'),
        ],
        answer: 1,
        model: '',
        parameters: { seed: () => 1 },
      }),
    ).toEqual([
      ['prompt[0].parts[0].type', 'must be one of text, image'],
      ['prompt', 'must end with a user or tool message'],
      ['answer', 'must be a string'],
      ['model', 'must not be empty'],
      ['parameters', 'must hold JSON values only'],
    ]);
    expect(invalidTarget({ ...target('r', '答'), prompt: [] })).toEqual([
      ['prompt', 'must hold 1 to 1000 items'],
    ]);
  });

  it('keeps only the message model’s fields', () => {
    const row = toTargetRow({
      ...target('r', '答'),
      prompt: [{ ...userMessage('你好'), extra: 'x' } as never],
    });
    expect(row.prompt).toEqual([{ role: 'user', parts: [{ type: 'text', text: '你好' }] }]);
  });
});
