import { describe, expect, it } from 'vitest';
import { alice, bob, ranking, rating, target } from '../store/__fixtures__/feedback-fixtures.js';
import {
  ANSWERS,
  assistant,
  linesOf,
  SYSTEM,
  USER,
  useExportScene,
} from './__fixtures__/export-fixtures.js';

describe('exports: preference pairs from rankings and ratings', () => {
  const x = useExportScene();

  it('turns a ranking into every decided pair, or best vs a seeded random worse one', async () => {
    await x.store.recordFeedback(ranking(x.by(alice), [[x.s.a], [x.s.b, x.s.c]]));
    const all = x.run({ format: 'dpo-trl' });
    const pairs = (await linesOf(all)).map((line) => JSON.parse(line));
    expect(pairs.map((p) => [p.chosen[0].content, p.rejected[0].content])).toEqual([
      [ANSWERS.a, ANSWERS.b],
      [ANSWERS.a, ANSWERS.c],
    ]);
    expect(all.card().dropped).toEqual({ tie: 1 });
    const best = await x.lines({
      format: 'dpo-trl',
      rankingPairs: 'best-vs-random-worse',
      seed: 7,
    });
    expect(best).toHaveLength(1);
    expect(JSON.parse(best[0] as string).chosen).toEqual([assistant(ANSWERS.a)]);
    expect(
      await x.lines({ format: 'dpo-trl', rankingPairs: 'best-vs-random-worse', seed: 7 }),
    ).toEqual(best);
    const rejections = new Set<string>();
    for (let seed = 0; seed < 20; seed++) {
      const [line] = await x.lines({
        format: 'dpo-trl',
        rankingPairs: 'best-vs-random-worse',
        seed,
      });
      rejections.add(JSON.parse(line as string).rejected[0].content);
    }
    expect([...rejections].sort()).toEqual([ANSWERS.b, ANSWERS.c].sort());
  });

  it('binarises ratings the UltraFeedback way and keeps the scores', async () => {
    await x.store.recordFeedback(rating(x.by(alice), x.s.a, { 准确性: 5, 流畅性: 4 }));
    await x.store.recordFeedback(rating(x.by(bob), x.s.a, { 准确性: 5, 流畅性: 5 }));
    await x.store.recordFeedback(rating(x.by(alice), x.s.b, { 准确性: 3, 流畅性: 3 }));
    await x.store.recordFeedback(rating(x.by(alice), x.s.c, { 准确性: 2, 流畅性: 4 }));
    const [line] = await x.lines({ format: 'dpo-trl' });
    const parsed = JSON.parse(line as string);
    expect(parsed.chosen).toEqual([assistant(ANSWERS.a)]);
    expect([ANSWERS.b, ANSWERS.c]).toContain(parsed.rejected[0].content);
    expect(line).toBe(
      JSON.stringify({
        prompt: [SYSTEM, USER],
        chosen: [assistant(ANSWERS.a)],
        rejected: parsed.rejected,
        score_chosen: 4.75,
        score_rejected: 3,
      }),
    );
    // OpenAI's format has no room for the scores.
    expect(Object.keys(JSON.parse((await x.lines({ format: 'dpo-openai' }))[0] as string))).toEqual(
      ['input', 'preferred_output', 'non_preferred_output'],
    );
    const margin = x.run({ format: 'rm-pairs', ratingMargin: 2 });
    expect(await linesOf(margin)).toEqual([]);
    expect(margin.card().dropped).toEqual({ below_margin: 1 });
  });

  it('drops ratings that cannot be binarised: equal, a single answer, mixed scales', async () => {
    const ask = async (question: string, answers: string[]) => {
      for (const id of answers)
        await x.store.recordTarget(
          target(`${x.s.campaignId}-${question}-${id}`, `${question}${id}`, question),
        );
      return answers.map((id) => `${x.s.campaignId}-${question}-${id}`);
    };
    const [e1, e2] = await ask('北京在哪里？', ['1', '2']);
    await x.store.recordFeedback(rating(x.by(alice), e1 as string, { 准确性: 4 }));
    await x.store.recordFeedback(rating(x.by(alice), e2 as string, { 准确性: 4 }));
    const [only] = await ask('上海在哪里？', ['1']);
    await x.store.recordFeedback(rating(x.by(alice), only as string, { 准确性: 4 }));
    const [m1, m2] = await ask('广州在哪里？', ['1', '2']);
    await x.store.recordFeedback(rating(x.by(alice), m1 as string, { 准确性: 4 }, 5));
    await x.store.recordFeedback(rating(x.by(bob), m2 as string, { 准确性: 6 }, 7));
    const exported = x.run({ format: 'dpo-trl' });
    expect(await linesOf(exported)).toEqual([]);
    expect(exported.card().dropped).toEqual({
      equal_ratings: 1,
      single_response: 1,
      mixed_scales: 1,
    });
  });
});
