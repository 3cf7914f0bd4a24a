// What every LLM judge shares (Spring AI's evaluators do this inline, each its own way): the
// options, when the offline heuristic stands in for the model, one judge call (temperature 0, the
// caller's signal, usage summed over calls, in judge-session.ts) and one result shape for a reply
// that cannot be read.
import { AiError, InvalidInputError } from '@repo/core';
import type { ChatModel, ChatOptions } from '@repo/core';
import { createPromptTemplate, StructuredOutputError } from '@repo/prompting';
import type { PromptTemplate } from '@repo/prompting';
import { contextText } from '../evaluator.js';
import type { EvaluationRequest, EvaluationResult, Evaluator } from '../evaluator.js';
import { createJudgeSession, throwIfAborted } from './judge-session.js';
import type { JudgeSession } from './judge-session.js';

export interface JudgeOptions {
  model: ChatModel;
  /**
   * `auto` (default): the heuristic when `model.provider` is `local`, whose deterministic replies
   * cannot judge anything; `always` / `never` force one or the other.
   */
  heuristic?: 'auto' | 'always' | 'never';
  /** Replaces the judge's prompt; see each judge for its placeholders. */
  promptTemplate?: string;
  /** Merged over `{temperature: 0}`. */
  chatOptions?: ChatOptions;
}

export function usesHeuristic(options: Pick<JudgeOptions, 'model' | 'heuristic'>): boolean {
  const mode = options.heuristic ?? 'auto';
  return mode === 'always' || (mode === 'auto' && options.model.provider === 'local');
}

/** Feedback prefix of every heuristic result, so reports never pass one off as a verdict. */
export const HEURISTIC_PREFIX = 'Heuristic (no judge model): ';

/** A reply that says nothing we can use; becomes a malformed result, never reaches the caller. */
export class UnreadableReplyError extends AiError {
  constructor(message: string) {
    super(message, { code: 'unreadable_reply', kind: 'model_output_unusable' });
  }
}

/** Thresholds and category scores: a number from 0 to 1, else InvalidInputError naming `field`. */
export function checkUnitInterval(value: number, field: string): number {
  if (Number.isFinite(value) && value >= 0 && value <= 1) return value;
  throw new InvalidInputError(`${field} must be a number from 0 to 1, got ${value}.`, [
    { field, reason: 'must be a number from 0 to 1' },
  ]);
}

/** A template checked when the judge is created, so a typo fails at startup, not per case. */
export function createJudgeTemplate(
  template: string,
  placeholders: readonly string[],
  field = 'promptTemplate',
): PromptTemplate {
  const parsed = createPromptTemplate(template);
  const unknown = parsed.variables.filter((name) => !placeholders.includes(name));
  if (unknown.length > 0)
    throw new InvalidInputError(
      `${field} uses unknown placeholders ${unknown.map((name) => `{${name}}`).join(', ')}; this judge fills ${placeholders.map((name) => `{${name}}`).join(', ')}.`,
      [{ field, reason: `unknown placeholders: ${unknown.join(', ')}` }],
    );
  return parsed;
}

export type JudgeVerdict = Pick<EvaluationResult, 'pass' | 'score' | 'feedback' | 'metadata'>;

export interface JudgeSteps {
  /** Request fields without which the judge means nothing (checked on both paths). */
  requires?: ReadonlyArray<'context' | 'reference'>;
  heuristic(request: EvaluationRequest): EvaluationResult;
  judge(request: EvaluationRequest, session: JudgeSession): Promise<JudgeVerdict>;
}

/** An Evaluator that asks the model, or the heuristic, and turns unreadable replies into results. */
export function createJudgeEvaluator(
  name: string,
  options: JudgeOptions,
  steps: JudgeSteps,
): Evaluator {
  const heuristic = usesHeuristic(options);
  return {
    name,
    async evaluate(request) {
      throwIfAborted(request.signal);
      for (const field of steps.requires ?? []) requireField(name, request, field);
      if (heuristic) return steps.heuristic(request);
      const session = createJudgeSession(options, request.signal);
      const raw = () => session.replies.join('\n\n');
      try {
        const verdict = await steps.judge(request, session);
        return { ...verdict, method: 'model', raw: raw(), usage: session.usage };
      } catch (error) {
        if (!(error instanceof UnreadableReplyError || error instanceof StructuredOutputError))
          throw error;
        return {
          pass: false,
          score: 0,
          method: 'model',
          feedback: `The judge's reply could not be read: ${error.message}`,
          raw: raw(),
          usage: session.usage,
          metadata: { malformed: true },
        };
      }
    },
  };
}

function requireField(
  name: string,
  request: EvaluationRequest,
  field: 'context' | 'reference',
): void {
  const value = field === 'context' ? contextText(request.context) : (request.reference ?? '');
  if (value.trim() !== '') return;
  throw new InvalidInputError(`The ${name} judge needs a non-empty ${field}.`, [
    { field, reason: 'is required' },
  ]);
}

/**
 * Spring's two parsing rules: `contains` (RelevancyEvaluator) and `exact` (FactCheckingEvaluator).
 * Chinese judges (Qwen, DeepSeek, GLM) sometimes answer 是 / 否 / 不是 despite the English prompt;
 * those count too, as the reply's first word (不是 checked before 是, which it contains).
 */
export function readYesNo(reply: string, rule: 'contains' | 'exact'): boolean {
  const answer = reply.toLowerCase();
  if (rule === 'contains') {
    // Substrings, as in Spring: "not in line" reads as no, and so, less happily, does "I don't know".
    if (answer.includes('yes')) return true;
    if (answer.includes('no')) return false;
    // Chinese only at the start: 是 is also the copula ("这是错误的" is not a yes).
    const head = answer.trimStart();
    if (head.startsWith('不是') || head.startsWith('否')) return false;
    if (head.startsWith('是')) return true;
  } else {
    const word = answer.trim().replace(/[\s\p{P}]+$/u, '');
    if (word === 'yes' || word === '是') return true;
    if (word === 'no' || word === '否' || word === '不是') return false;
  }
  throw new UnreadableReplyError(`expected YES or NO, got ${quote(reply)}.`);
}

/** A yes/no reply as a verdict: score 1 or 0, with the feedback for that answer. */
export function readYesNoVerdict(
  reply: string,
  rule: 'contains' | 'exact',
  feedback: { yes: string; no: string },
): JudgeVerdict {
  const pass = readYesNo(reply, rule);
  return { pass, score: pass ? 1 : 0, feedback: pass ? feedback.yes : feedback.no };
}

/** A reply or claim for feedback: quoted and cut to 80 characters. */
export function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > 80 ? `${flat.slice(0, 79)}…` : flat);
}
