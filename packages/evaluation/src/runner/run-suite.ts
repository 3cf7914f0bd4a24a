// The runner: every (test × prompt × provider) case through the model and its assertions, with
// bounded concurrency, a per-case timeout, cancellation, an output cache and progress. Retries are
// the models' own (createModelResolver's `retry`): the runner calls each model once per case.
// promptfoo's evaluator is the model; cases never fail the run: a provider error is that case's
// `error`, a cancelled run returns what finished. Checks on the output run in worker threads
// (workers/eval-worker-pool.ts), and each case ends with a turn of the event loop: on the embedded
// in-process model nothing else yields, and a 1,000-case run used to hold the server's event loop
// from its first case to its last.
import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { systemMessage, textOf, type ChatModel, type ChatRequest } from '@repo/core';
import { runAssertions, scoreCase } from '../assertions/run-assertions.js';
import type { CaseResult, EvalRun, RunProgress } from '../eval-run.js';
import { summarizeResults } from '../statistics.js';
import {
  contextOf,
  type EvalSuite,
  type SuitePrompt,
  type SuiteProvider,
  type SuiteTest,
} from '../suite/eval-suite.js';
import { compilePrompt, type CompiledPrompt } from '../suite/suite-templates.js';
import { callModel, ModelCallError } from './call-model.js';
import { createMemoryCache, type OutputCache } from './output-cache.js';
import { createModelResolver, type ModelResolver } from './resolve-models.js';
import { resolveGraders } from './resolve-graders.js';
import type { OutputGrader } from '../assertions/assertion-context.js';
import { getSharedWorkerPool } from '../workers/eval-worker-pool.js';

export interface RunSuiteOptions {
  /**
   * Where provider ids resolve (default: the environment's registry, `local` when no key is set).
   * Its models' own retries are the only ones: createModelResolver({ retry }) sets them.
   */
  models?: ModelResolver;
  /** Judge for model-graded assertions that name none (default: the registry's default model). */
  judge?: string;
  /** Embedding model for `similar` when none is named (default: the registry's default). */
  embedding?: string;
  /** `auto` (default): judges use offline heuristics when the judge is the embedded model. */
  heuristic?: 'auto' | 'always' | 'never';
  /** Cases in flight at once (default: the suite's `evaluateOptions.maxConcurrency`, else 4). */
  concurrency?: number;
  /** Per case, model call and grading together (default 120 000 ms). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Default: an in-memory cache for this run. `false` turns caching off. */
  cache?: OutputCache | false;
  onProgress?: (progress: RunProgress) => void;
  id?: string;
  /** Bootstrap resamples for the interval (default 1000) and their seed (default 1). */
  bootstrap?: { iterations?: number; seed?: number };
  /**
   * The worker threads that grade the checks on the output (createEvalWorkerPool: their number and
   * time limit). Default: one pool shared by every run in the process, with the defaults.
   */
  workers?: OutputGrader;
}

interface Case {
  test: SuiteTest;
  prompt: CompiledPrompt;
  provider: SuiteProvider;
  model: ChatModel;
}

export async function runSuite(suite: EvalSuite, options: RunSuiteOptions = {}): Promise<EvalRun> {
  const models = options.models ?? createModelResolver();
  const startedAt = new Date();
  const started = performance.now();
  const { providerModels, graders } = resolveSuiteModels(suite, models, options);
  const prompts = suite.prompts.map((prompt: SuitePrompt) => compilePrompt(prompt));
  const cases: Case[] = suite.tests.flatMap((test) =>
    prompts.flatMap((prompt) =>
      suite.providers.map((provider) => ({
        test,
        prompt,
        provider,
        model: providerModels.get(provider.id)!,
      })),
    ),
  );
  const cache = options.cache === false ? undefined : (options.cache ?? createMemoryCache());
  const workers = options.workers ?? getSharedWorkerPool();
  const results: CaseResult[] = new Array(cases.length);
  const counts = { passed: 0, failed: 0, errors: 0 };
  let next = 0;
  let done = 0;

  // A hand-written pool rather than p-limit: it must keep going past failures and stop taking
  // new cases the moment the run is cancelled.
  const worker = async () => {
    while (next < cases.length && !options.signal?.aborted) {
      const index = next++;
      const result = await runCase(cases[index]!, { ...options, cache, graders, workers });
      results[index] = result;
      if (result.status === 'passed') counts.passed++;
      else if (result.status === 'failed') counts.failed++;
      else if (result.status === 'error') counts.errors++;
      done++;
      options.onProgress?.({ done, total: cases.length, ...counts, result });
      await nextTurn();
    }
  };
  const concurrency = Math.max(1, options.concurrency ?? suite.maxConcurrency ?? 4);
  await Promise.all(Array.from({ length: Math.min(concurrency, cases.length) }, worker));
  for (let index = 0; index < cases.length; index++)
    results[index] ??= cancelledResult(
      cases[index]!,
      'the run was cancelled before this case started',
    );

  const durationMs = performance.now() - started;
  return {
    id: options.id ?? randomUUID(),
    name: suite.name,
    ...(suite.path ? { suitePath: suite.path } : {}),
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    status: options.signal?.aborted ? 'cancelled' : 'completed',
    ...(graders.judgeInfo ? { judge: graders.judgeInfo } : {}),
    results,
    summary: summarizeResults(results, { durationMs, ...options.bootstrap }),
  };
}

/**
 * Every model a suite needs (its providers, judges and embedding models), resolved without calling
 * any: an unknown or unconfigured provider throws (naming the variable to set) before a token is
 * spent. runSuite does this first; an app calls it to refuse a suite before storing a run.
 */
export function checkSuiteModels(
  suite: EvalSuite,
  models: ModelResolver,
  options: Pick<RunSuiteOptions, 'judge' | 'embedding' | 'heuristic'> = {},
): void {
  resolveSuiteModels(suite, models, options);
}

function resolveSuiteModels(
  suite: EvalSuite,
  models: ModelResolver,
  options: Pick<RunSuiteOptions, 'judge' | 'embedding' | 'heuristic'>,
) {
  const providerModels = new Map(
    suite.providers.map((provider) => [provider.id, models.chat(provider.id)]),
  );
  return { providerModels, graders: resolveGraders(suite, models, options) };
}

type CaseOptions = RunSuiteOptions & {
  cache: OutputCache | undefined;
  graders: ReturnType<typeof resolveGraders>;
  workers: OutputGrader;
};

async function runCase(item: Case, options: CaseOptions): Promise<CaseResult> {
  const { test, prompt, provider, model } = item;
  const timeoutMs = options.timeoutMs ?? 120_000;
  const { signal, timedOut, release } = caseSignal(timeoutMs, options.signal);
  const base = baseResult(item);
  let attempts = 0;
  try {
    const messages = [
      ...(provider.config.system ? [systemMessage(provider.config.system)] : []),
      ...prompt.render(test.vars),
    ];
    const { temperature, maxTokens, seed, responseFormat } = provider.config;
    const request: ChatRequest = {
      messages,
      options: { temperature, maxTokens, seed, responseFormat },
    };
    const call = await callModel(model, request, { cache: options.cache, signal });
    attempts = call.attempts;
    const prices = provider.config.prices;
    const cost = prices
      ? (call.usage.promptTokens * prices.inputPerMillion +
          call.usage.completionTokens * prices.outputPerMillion) /
        1e6
      : 0;
    const lastUser = [...request.messages].reverse().find((message) => message.role === 'user');
    const assertions = await runAssertions(test.assert, {
      output: call.output,
      vars: test.vars,
      userText: String(test.vars.query ?? test.vars.question ?? (lastUser ? textOf(lastUser) : '')),
      context: contextOf(test.vars),
      latencyMs: call.latencyMs,
      cost,
      graders: options.graders.forAssertions,
      workers: options.workers,
      signal,
    });
    const { score, pass } = scoreCase(assertions, test.threshold);
    return {
      ...base,
      output: call.output,
      latencyMs: call.latencyMs,
      usage: call.usage,
      cost,
      cached: call.cached,
      attempts,
      assertions,
      score,
      pass,
      status: pass ? 'passed' : 'failed',
    };
  } catch (error) {
    if (error instanceof ModelCallError) attempts = error.attempts;
    if (options.signal?.aborted)
      return { ...cancelledResult(item, 'the run was cancelled while this case ran'), attempts };
    const cause = error instanceof ModelCallError ? error.cause : error;
    const message = timedOut()
      ? `timed out after ${timeoutMs} ms`
      : cause instanceof Error
        ? `${cause.name}: ${cause.message}`
        : String(cause);
    return { ...base, attempts, status: 'error', error: message };
  } finally {
    release();
  }
}

/**
 * The case's signal: aborted by the run's signal or after `timeoutMs`. One controller and a timer
 * instead of AbortSignal.any([run, AbortSignal.timeout()]): fewer signals per case (Node makes
 * each transferable, visible in profiles of 1,000-case runs), and it tells a timeout from a cancel.
 */
function caseSignal(timeoutMs: number, runSignal: AbortSignal | undefined) {
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort(new Error(`timed out after ${timeoutMs} ms`));
  }, timeoutMs);
  const cancel = () => controller.abort(runSignal?.reason);
  if (runSignal?.aborted) cancel();
  else runSignal?.addEventListener('abort', cancel, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => expired,
    release: () => {
      clearTimeout(timer);
      runSignal?.removeEventListener('abort', cancel);
    },
  };
}

function baseResult({ test, prompt, provider }: Case): CaseResult {
  return {
    id: `${test.key}|${prompt.label}|${provider.id}`,
    testIndex: test.index,
    description: test.description,
    prompt: prompt.label,
    provider: provider.label,
    vars: test.vars,
    output: '',
    latencyMs: 0,
    usage: { promptTokens: 0, completionTokens: 0, totalTokens: 0 },
    cost: 0,
    cached: false,
    attempts: 0,
    assertions: [],
    score: 0,
    pass: false,
    status: 'error',
  };
}

function cancelledResult(item: Case, reason: string): CaseResult {
  return { ...baseResult(item), status: 'cancelled', error: reason };
}
