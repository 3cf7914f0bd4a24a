// Quick start: Spring AI's evaluator contract on one answer, then a suite of cases with reports.
// Runs offline on the embedded model (its judges are labelled heuristics); set a provider key and
// pass `createProvider('deepseek').chat()` as the judge for a real LLM judge.
import { createProvider } from '@repo/providers';
import {
  createModelResolver,
  createRelevancyEvaluator,
  parseSuite,
  runSuite,
  toJUnitXml,
} from '@repo/evaluation';

export async function main() {
  // 1. One answer, judged (the seed's question: how many emperors did the Ming dynasty have?).
  const judge = createProvider('local').chat();
  const relevancy = createRelevancyEvaluator({ model: judge });
  const verdict = await relevancy.evaluate({
    userText: '明朝有多少位皇帝？',
    response: '明朝共有十六位皇帝。',
    context: ['明朝从1368年到1644年，共历十六位皇帝。'],
  });

  // 2. A suite: promptfoo's keys, run against every provider listed (here the embedded one).
  const suite = parseSuite({
    description: 'Capitals',
    prompts: ['Context: {{context}}\nQuestion: {{question}}'],
    providers: ['local'],
    defaultTest: { assert: [{ type: 'latency', threshold: 5000 }] },
    tests: [
      {
        description: 'France',
        vars: {
          question: 'What is the capital of France?',
          context: 'Paris is the capital of France.',
        },
        assert: [
          { type: 'icontains', value: 'Paris' },
          { type: 'f1', value: 'Paris is the capital of France.', threshold: 0.6 },
        ],
      },
      {
        description: '日本',
        vars: { question: '日本的首都是哪里？', context: '东京是日本的首都。' },
        assert: [{ type: 'contains', value: '东京' }, { type: 'context-faithfulness' }],
      },
    ],
  });
  const run = await runSuite(suite, { models: createModelResolver({ env: {} }) });

  return {
    verdict: { pass: verdict.pass, method: verdict.method, feedback: verdict.feedback },
    outputs: run.results.map((result) => result.output),
    summary: {
      passed: run.summary.passed,
      total: run.summary.total,
      heuristic: run.summary.heuristic,
    },
    junitTestcases: toJUnitXml(run).match(/<testcase /g)?.length,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await main());
