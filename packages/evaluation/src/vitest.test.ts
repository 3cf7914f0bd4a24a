import { describe, expect, it } from 'vitest';
import { createLocalLlm } from '@repo/local-llm';
import { createModelResolver } from './runner/resolve-models.js';
import { runSuite } from './runner/run-suite.js';
import { parseSuite } from './suite/load-suite.js';
import { evalMatchers } from './vitest.js';

const suite = parseSuite({
  prompts: ['Context: {{context}}\nQuestion: {{question}}'],
  providers: ['local'],
  tests: [
    {
      description: 'lamp',
      vars: { question: 'What is the object?', context: 'The object is a lamp.' },
      assert: [{ type: 'icontains', value: 'lamp' }],
    },
    {
      description: 'chair',
      vars: { question: 'What is the seat?', context: 'The seat is a chair.' },
      assert: [{ type: 'icontains', value: 'sofa' }],
    },
  ],
});

describe('toPassEval', () => {
  it('passes and fails on the pass rate, listing the failing cases', async () => {
    const run = await runSuite(suite, {
      models: createModelResolver({ env: {}, localLlm: createLocalLlm() }),
    });
    expect(run).toPassEval({ minPassRate: 0.5 });
    expect(run).not.toPassEval();
    const result = evalMatchers.toPassEval(run, { minPassRate: 0.75 });
    expect(result.pass).toBe(false);
    expect(result.message()).toBe(
      `expected eval run "suite" to pass at least 75.0%, got 50.0% (1/2):\n  failed: chair [local] — 0 of 1 found`,
    );
    expect(() => expect(run).toPassEval()).toThrow('got 50.0% (1/2)');
  });
});
