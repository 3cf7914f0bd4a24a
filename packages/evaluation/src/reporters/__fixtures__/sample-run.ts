// A realistic run for the reporters' tests (imported only by tests): two providers, every case
// status, a heuristic score, Chinese text, markup in a description and a script in a model's output.
import type { AssertionResult, CaseResult, EvalRun, RunComparison } from '../../eval-run.js';

export const XSS_OUTPUT = '<script>window.__xss=1</script>';
export const MARKUP_DESCRIPTION = 'Escapes <b>markup</b> & "quotes"';
const DEEPSEEK = 'deepseek:deepseek-v4-flash';

function assertion(
  fields: Partial<AssertionResult> & Pick<AssertionResult, 'type' | 'pass' | 'reason'>,
): AssertionResult {
  return { score: fields.pass ? 1 : 0, method: 'metric', weight: 1, ...fields };
}

function usage(prompt: number, completion: number) {
  return { promptTokens: prompt, completionTokens: completion, totalTokens: prompt + completion };
}

function result(
  fields: Partial<CaseResult> &
    Pick<CaseResult, 'testIndex' | 'description' | 'prompt' | 'provider' | 'status'>,
): CaseResult {
  return {
    id: `t${fields.testIndex}|${fields.prompt}|${fields.provider}`,
    vars: {},
    output: '',
    latencyMs: 0,
    usage: usage(0, 0),
    cost: 0,
    cached: false,
    attempts: 1,
    assertions: [],
    score: fields.status === 'passed' ? 1 : 0,
    pass: fields.status === 'passed',
    ...fields,
  };
}

const CAPITAL = 'What is the capital of France?';
const CHINESE = '中文问答：法国的首都';
const SUMMARY = 'Summarise a 2,000-word article';

/** A fresh copy each call, so a test that edits it cannot leak into another. */
export function createSampleRun(): EvalRun {
  const results: CaseResult[] = [
    result({
      testIndex: 0,
      description: CAPITAL,
      prompt: 'concise',
      provider: 'local',
      status: 'passed',
      vars: { question: CAPITAL },
      output: 'Paris is the capital of France.',
      latencyMs: 420,
      usage: usage(30, 12),
      score: 0.9,
      assertions: [
        assertion({ type: 'icontains', pass: true, reason: 'Output contains "Paris"' }),
        assertion({
          type: 'llm-rubric',
          pass: true,
          score: 0.8,
          method: 'heuristic',
          threshold: 0.6,
          reason: 'Covers 4 of 5 rubric terms',
        }),
      ],
    }),
    result({
      testIndex: 0,
      description: CAPITAL,
      prompt: 'concise',
      provider: DEEPSEEK,
      status: 'passed',
      vars: { question: CAPITAL },
      output: 'The capital of France is Paris.',
      latencyMs: 812,
      usage: usage(28, 15),
      cost: 0.000021,
      assertions: [
        assertion({ type: 'icontains', pass: true, reason: 'Output contains "Paris"' }),
        assertion({
          type: 'llm-rubric',
          pass: true,
          method: 'model',
          reason: 'The answer names Paris as the capital.',
        }),
      ],
    }),
    result({
      testIndex: 1,
      description: CHINESE,
      prompt: '简洁回答',
      provider: 'local',
      status: 'passed',
      vars: { question: '法国的首都是哪里？', lang: 'zh' },
      output: '巴黎是法国的首都。',
      latencyMs: 380,
      usage: usage(25, 10),
      assertions: [assertion({ type: 'icontains', pass: true, reason: '输出包含"巴黎"' })],
    }),
    result({
      testIndex: 1,
      description: CHINESE,
      prompt: '简洁回答',
      provider: DEEPSEEK,
      status: 'failed',
      vars: { question: '法国的首都是哪里？', lang: 'zh' },
      output: '法国的首都是里昂。',
      latencyMs: 950,
      usage: usage(26, 14),
      cost: 0.00002,
      assertions: [assertion({ type: 'icontains', pass: false, reason: '输出中没有"巴黎"' })],
    }),
    result({
      testIndex: 2,
      description: MARKUP_DESCRIPTION,
      prompt: 'concise',
      provider: 'local',
      status: 'failed',
      vars: { html: '<img src=x onerror=alert(1)>' },
      output: XSS_OUTPUT,
      latencyMs: 150,
      usage: usage(20, 8),
      assertions: [
        assertion({ type: 'not-contains', pass: false, reason: 'Output contains "<script"' }),
      ],
    }),
    result({
      testIndex: 2,
      description: MARKUP_DESCRIPTION,
      prompt: 'concise',
      provider: DEEPSEEK,
      status: 'error',
      vars: { html: '<img src=x onerror=alert(1)>' },
      latencyMs: 30_000,
      attempts: 3,
      error: 'ProviderUnavailableError: 503 Service Unavailable (after 3 attempts)',
    }),
    result({
      testIndex: 3,
      description: SUMMARY,
      prompt: 'concise',
      provider: 'local',
      status: 'cancelled',
      attempts: 0,
      error: 'Run cancelled by the user',
    }),
    result({
      testIndex: 3,
      description: SUMMARY,
      prompt: 'concise',
      provider: DEEPSEEK,
      status: 'passed',
      // A model that answers with terminal colours and a bell: control characters XML forbids.
      output: 'The article argues for smaller models.\n\u001b[1mKey point\u001b[0m: cost\u0007',
      latencyMs: 2310,
      usage: usage(400, 120),
      cost: 0.000098,
      score: 0.7,
      assertions: [
        assertion({
          type: 'llm-rubric',
          pass: true,
          score: 0.7,
          threshold: 0.6,
          method: 'heuristic',
          metric: 'faithfulness',
          reason: 'Most summary sentences are supported by the article',
        }),
      ],
    }),
  ];
  return {
    id: 'run-2025-11-30-0050',
    name: 'Capitals & summaries',
    suitePath: 'evals/capitals.yaml',
    startedAt: '2025-11-30T00:50:00.000Z',
    finishedAt: '2025-11-30T00:50:03.240Z',
    status: 'completed',
    judge: { provider: 'local', model: 'local-llm', heuristic: true },
    results,
    summary: {
      total: 8,
      passed: 4,
      failed: 2,
      errors: 1,
      cancelled: 1,
      passRate: 4 / 7,
      ci95: [2 / 7, 6 / 7],
      heuristic: true,
      durationMs: 3240,
      usage: usage(529, 179),
      cost: 0.000139,
      namedScores: { icontains: 0.6, 'llm-rubric': 0.9, faithfulness: 0.7, 'not-contains': 0 },
    },
  };
}

/** This run against an earlier nightly: one fix listed before one regression, to test the order. */
export function createSampleComparison(): RunComparison {
  return {
    a: { id: 'run-2025-11-29-0050', name: 'nightly 2025-11-29', passRate: 3 / 7 },
    b: { id: 'run-2025-11-30-0050', name: 'Capitals & summaries', passRate: 4 / 7 },
    flipped: [
      {
        id: `t0|concise|${DEEPSEEK}`,
        description: CAPITAL,
        before: 'failed',
        after: 'passed',
        scoreBefore: 0.3,
        scoreAfter: 1,
      },
      {
        id: `t1|简洁回答|${DEEPSEEK}`,
        description: CHINESE,
        before: 'passed',
        after: 'failed',
        scoreBefore: 1,
        scoreAfter: 0,
      },
    ],
    passRateDelta: 1 / 7,
    ci95: [-1 / 7, 3 / 7],
    onlyInA: ['t9|concise|local'],
    onlyInB: [],
  };
}
