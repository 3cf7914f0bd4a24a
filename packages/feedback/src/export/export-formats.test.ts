import { describe, expect, it } from 'vitest';
import {
  alice,
  bob,
  carol,
  correction,
  pairwise,
  thumbs,
} from '../store/__fixtures__/feedback-fixtures.js';
import {
  ANSWERS,
  assistant,
  linesOf,
  SYSTEM,
  USER,
  useExportScene,
} from './__fixtures__/export-fixtures.js';

describe('exports: formats, position mapping, supersession', () => {
  const x = useExportScene();

  it('writes OpenAI SFT lines from corrections and thumbs-up answers, and drops thumbs-down', async () => {
    await x.store.recordFeedback(
      correction(x.by(alice), x.s.b, '大语言模型是用海量文本训练、能理解和生成语言的神经网络。'),
    );
    await x.store.recordFeedback(thumbs(x.by(carol), x.s.a, 'up'));
    await x.store.recordFeedback(thumbs(x.by(carol), x.s.c, 'down'));
    const exported = x.run({ format: 'sft-openai' });
    expect(await linesOf(exported)).toEqual([
      '{"messages":[{"role":"system","content":"你是一位耐心的老师。"},{"role":"user","content":"用一句话解释什么是大语言模型。"},{"role":"assistant","content":"大语言模型是用海量文本训练、能理解和生成语言的神经网络。"}]}',
      '{"messages":[{"role":"system","content":"你是一位耐心的老师。"},{"role":"user","content":"用一句话解释什么是大语言模型。"},{"role":"assistant","content":"大语言模型是在海量文本上训练、能够理解和生成自然语言的神经网络。"}]}',
    ]);
    expect(exported.card()).toMatchObject({
      complete: true,
      empty: false,
      rowsWritten: 2,
      rowsBySource: { correction: 1, thumbs: 1 },
      feedbackRead: { correction: 1, thumbs: 2 },
      dropped: { thumbs_down: 1 },
    });
  });

  it('maps the displayed position back: "left" with shown [B, A] means B won', async () => {
    await x.store.recordFeedback(pairwise(x.by(alice), [x.s.b, x.s.a], 'left'));
    const chosen = assistant(ANSWERS.b);
    const rejected = assistant(ANSWERS.a);
    expect(await x.lines({ format: 'dpo-openai' })).toEqual([
      JSON.stringify({
        input: { messages: [SYSTEM, USER] },
        preferred_output: [chosen],
        non_preferred_output: [rejected],
      }),
    ]);
    expect(await x.lines({ format: 'dpo-trl' })).toEqual([
      JSON.stringify({ prompt: [SYSTEM, USER], chosen: [chosen], rejected: [rejected] }),
    ]);
    expect(await x.lines({ format: 'rm-pairs' })).toEqual([
      JSON.stringify({ chosen: [SYSTEM, USER, chosen], rejected: [SYSTEM, USER, rejected] }),
    ]);
  });

  it('exports only the latest vote of an annotator, and the plurality of several annotators', async () => {
    await x.store.recordFeedback(pairwise(x.by(alice), [x.s.a, x.s.b], 'left')); // a, then alice changes her mind
    await x.store.recordFeedback(pairwise(x.by(alice), [x.s.a, x.s.b], 'right')); // b
    await x.store.recordFeedback(pairwise(x.by(bob), [x.s.b, x.s.a], 'left')); // b
    await x.store.recordFeedback(pairwise(x.by(carol), [x.s.a, x.s.b], 'left')); // a
    const exported = x.run({ format: 'dpo-trl' });
    expect((await linesOf(exported)).map((line) => JSON.parse(line).chosen)).toEqual([
      [assistant(ANSWERS.b)],
    ]);
    expect(exported.card()).toMatchObject({
      feedbackRead: { pairwise: 3 },
      feedbackSkipped: { superseded: 1 },
    });
    // bob changes his mind too ("right" of [b, a] is a): now a wins 2 to 1.
    await x.store.recordFeedback(pairwise(x.by(bob), [x.s.b, x.s.a], 'right'));
    const [line] = await x.lines({ format: 'dpo-trl', kinds: ['pairwise'] });
    expect(JSON.parse(line as string).chosen).toEqual([assistant(ANSWERS.a)]);
  });

  it('drops ties and both-bad from pairs; KTO can take both-bad answers as negatives', async () => {
    await x.store.recordFeedback(pairwise(x.by(alice), [x.s.a, x.s.b], 'tie'));
    await x.store.recordFeedback(pairwise(x.by(alice), [x.s.c, x.s.a], 'both-bad'));
    await x.store.recordFeedback(pairwise(x.by(alice), [x.s.b, x.s.c], 'left'));
    await x.store.recordFeedback(pairwise(x.by(bob), [x.s.b, x.s.c], 'right')); // a split vote
    const pairs = x.run({ format: 'dpo-openai' });
    expect(await linesOf(pairs)).toEqual([]);
    expect(pairs.card()).toMatchObject({
      empty: true,
      dropped: { tie: 1, both_bad: 1, no_majority: 1 },
    });
    expect(pairs.card().note).toBe(
      'Empty export: feedback was read, but every item was dropped (see dropped).',
    );
    const kto = x.run({ format: 'kto', bothBadAsNegatives: true });
    expect(await linesOf(kto)).toEqual([
      JSON.stringify({ prompt: [SYSTEM, USER], completion: [assistant(ANSWERS.a)], label: false }),
      JSON.stringify({ prompt: [SYSTEM, USER], completion: [assistant(ANSWERS.c)], label: false }),
    ]);
    expect(kto.card()).toMatchObject({
      rowsBySource: { thumbs: 0, pairwise: 2 },
      dropped: { tie: 1, no_majority: 1 },
    });
  });

  it('writes KTO lines from thumbs by majority, dropping split votes', async () => {
    await x.store.recordFeedback(thumbs(x.by(alice), x.s.a, 'up'));
    await x.store.recordFeedback(thumbs(x.by(bob), x.s.a, 'up'));
    await x.store.recordFeedback(thumbs(x.by(carol), x.s.a, 'down'));
    await x.store.recordFeedback(thumbs(x.by(alice), x.s.b, 'up'));
    await x.store.recordFeedback(thumbs(x.by(bob), x.s.b, 'down'));
    await x.store.recordFeedback(thumbs(x.by(alice), x.s.c, 'down'));
    const exported = x.run({ format: 'kto' });
    expect((await linesOf(exported)).sort()).toEqual(
      [
        JSON.stringify({ prompt: [SYSTEM, USER], completion: [assistant(ANSWERS.a)], label: true }),
        JSON.stringify({
          prompt: [SYSTEM, USER],
          completion: [assistant(ANSWERS.c)],
          label: false,
        }),
      ].sort(),
    );
    expect(exported.card()).toMatchObject({
      rowsWritten: 2,
      dropped: { no_majority: 1 },
      feedbackRead: { thumbs: 6 },
    });
  });
});
