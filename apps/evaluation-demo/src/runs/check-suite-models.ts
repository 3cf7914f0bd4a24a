// Resolves every model a suite names before the run is accepted, so a provider without a key is a
// 400 naming the variable to set (e.g. `providers: [deepseek]` without DEEPSEEK_API_KEY), not a
// run that fails in the background. runSuite resolves them again; the registry caches them.
import type { EvalSuite, ModelResolver } from '@repo/evaluation';

export function checkSuiteModels(suite: EvalSuite, models: ModelResolver): void {
  for (const provider of suite.providers) models.chat(provider.id);
  for (const test of suite.tests)
    for (const { grader } of test.assert) {
      if (grader.text !== undefined) models.chat(grader.text);
      if (grader.embedding !== undefined) models.embedding(grader.embedding);
    }
}
