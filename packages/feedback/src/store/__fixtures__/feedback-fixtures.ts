// Shared test data: targets with Chinese prompts, feedback builders, and the PostgreSQL switch
// (run when TEST_POSTGRES_URL is set, skip locally when not, fail when CI=true).
import { randomUUID } from 'node:crypto';
import { systemMessage, userMessage } from '@repo/core';
import { POSTGRES_SKIP_REASON, postgresTestUrl } from '@repo/storage/testing';
import { describe, it } from 'vitest';
import type {
  Annotator,
  PairwiseChoice,
  CorrectionInput,
  PairwiseInput,
  RankingInput,
  RatingInput,
  TargetInput,
  ThumbsInput,
} from '../feedback-types.js';

export function describeWithPostgres(name: string, suite: () => void): void {
  let url: string | undefined;
  let problem: unknown;
  try {
    url = postgresTestUrl();
  } catch (error) {
    problem = error;
  }
  if (url !== undefined) describe(name, suite);
  else if (problem !== undefined)
    describe(name, () => {
      it('needs TEST_POSTGRES_URL (CI=true)', () => {
        throw problem;
      });
    });
  else describe.skip(`${name} (${POSTGRES_SKIP_REASON})`, suite);
}

/** A prefix of its own per test, so tests sharing one database never see each other's rows. */
export function uniquePrefix(): string {
  return randomUUID().slice(0, 8);
}

export const QUESTION = '用一句话解释什么是大语言模型。';

export function target(responseId: string, answer: string, question = QUESTION): TargetInput {
  return {
    responseId,
    prompt: [systemMessage('你是一位耐心的老师。'), userMessage(question)],
    answer,
    model: 'qwen-plus',
    provider: 'dashscope',
    parameters: { temperature: 0.7 },
  };
}

export const alice: Annotator = { id: 'alice', kind: 'expert' };
export const bob: Annotator = { id: 'bob', kind: 'crowd' };
export const carol: Annotator = { id: 'carol', kind: 'end_user' };

/** What every kind shares: id, annotator, task, rubric version, status, … */
export type Common = Omit<ThumbsInput, 'kind' | 'targetId' | 'value' | 'reasons'>;

export const thumbs = (common: Common, targetId: string, value: 'up' | 'down'): ThumbsInput => ({
  ...common,
  kind: 'thumbs',
  targetId,
  value,
});

export const pairwise = (
  common: Common,
  shown: [string, string],
  choice: PairwiseChoice,
): PairwiseInput => ({ ...common, kind: 'pairwise', shown, choice });

export const rating = (
  common: Common,
  targetId: string,
  scores: Record<string, number>,
  scale: 5 | 7 = 5,
): RatingInput => ({ ...common, kind: 'rating', targetId, scale, scores });

export const ranking = (common: Common, order: string[][]): RankingInput => ({
  ...common,
  kind: 'ranking',
  ranking: order,
});

export const correction = (common: Common, targetId: string, text: string): CorrectionInput => ({
  ...common,
  kind: 'correction',
  targetId,
  text,
});
