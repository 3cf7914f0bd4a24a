// Public API of @repo/evaluation: Spring AI's evaluators and more judges, deterministic metrics,
// promptfoo-style suites, the runner, statistics, reports, and the run store.
export { ASSERTION_TYPE_NAMES, ASSERTION_TYPES } from './assertions/assertion-types.js';
export type { AssertionType, AssertionTypeInfo } from './assertions/assertion-types.js';
export type {
  AssertionResult,
  CaseResult,
  CaseStatus,
  EvalRun,
  FlippedCase,
  RunComparison,
  RunProgress,
  RunSummary,
} from './eval-run.js';
export { contextText } from './evaluator.js';
export type {
  ContextDocument,
  EvaluationMethod,
  EvaluationRequest,
  EvaluationResult,
  Evaluator,
} from './evaluator.js';
export { createCorrectnessEvaluator } from './judges/correctness-evaluator.js';
export type {
  CorrectnessEvaluatorOptions,
  CorrectnessScores,
} from './judges/correctness-evaluator.js';
export { createFactCheckingEvaluator } from './judges/fact-checking-evaluator.js';
export type { FactCheckingEvaluatorOptions } from './judges/fact-checking-evaluator.js';
export { createFaithfulnessEvaluator } from './judges/faithfulness-evaluator.js';
export type { FaithfulnessEvaluatorOptions } from './judges/faithfulness-evaluator.js';
export { usesHeuristic } from './judges/judges-support.js';
export type { JudgeOptions } from './judges/judges-support.js';
export { createPairwiseJudge } from './judges/pairwise-judge.js';
export type {
  PairwiseChoice,
  PairwiseInput,
  PairwiseJudge,
  PairwiseVerdict,
} from './judges/pairwise-judge.js';
export { createRelevancyEvaluator } from './judges/relevancy-evaluator.js';
export { createRubricEvaluator } from './judges/rubric-evaluator.js';
export type { RubricEvaluatorOptions } from './judges/rubric-evaluator.js';
export { bleu } from './metrics/bleu.js';
export type { BleuOptions } from './metrics/bleu.js';
export { exactMatch, tokenF1 } from './metrics/exact-match.js';
export { validateJsonSchema } from './metrics/json-checks.js';
export type { JsonSchemaResult } from './metrics/json-checks.js';
export { METRIC_LIMITS, MetricInputError } from './metrics/metrics-errors.js';
export { rougeL, rougeN } from './metrics/rouge.js';
export type { RougeOptions, RougeScore } from './metrics/rouge.js';
export { cosineSimilarity, levenshtein } from './metrics/similarity.js';
export { formatConsoleReport } from './reporters/console-report.js';
export type { ConsoleReportOptions } from './reporters/console-report.js';
export { renderHtmlReport } from './reporters/html-report.js';
export type { HtmlReportOptions } from './reporters/html-report.js';
export { parseJsonReport, toJsonReport } from './reporters/json-report.js';
export { toJUnitXml } from './reporters/junit-report.js';
export { createFileCache, createMemoryCache } from './runner/output-cache.js';
export type { CachedOutput, OutputCache } from './runner/output-cache.js';
export { createModelResolver } from './runner/resolve-models.js';
export type { ModelResolver, ModelResolverOptions } from './runner/resolve-models.js';
export { checkSuiteModels, runSuite } from './runner/run-suite.js';
export type { RunSuiteOptions } from './runner/run-suite.js';
export { runCli } from './run-cli.js';
export type { CliIo } from './run-cli.js';
export {
  bootstrapInterval,
  compareRuns,
  passAtK,
  summarizeResults,
  wilsonInterval,
} from './statistics.js';
export type {
  EvalSuite,
  SuiteAssertion,
  SuitePrompt,
  SuiteProvider,
  SuiteTest,
} from './suite/eval-suite.js';
export { createEvalRunStore, EVALUATION_MIGRATIONS_FOLDER } from './store/eval-run-store.js';
export type {
  EvalRunStore,
  StoredRun,
  StoredRunInfo,
  StoredRunStatus,
} from './store/eval-run-store.js';
export { loadSuite, parseSuite, parseSuiteText } from './suite/load-suite.js';
export type { ParseSuiteOptions } from './suite/load-suite.js';
export { SuiteError, SuiteTooLargeError } from './suite/suite-errors.js';
export type { SuiteLimitName, SuiteProblem } from './suite/suite-errors.js';
export { DEFAULT_SUITE_LIMITS } from './suite/suite-limits.js';
export type { SuiteLimits } from './suite/suite-limits.js';
export {
  createEvalWorkerPool,
  DEFAULT_GRADING_TIMEOUT_MS,
  getSharedWorkerPool,
} from './workers/eval-worker-pool.js';
export type { EvalWorkerPool, EvalWorkerPoolOptions } from './workers/eval-worker-pool.js';
export { GradingTimeoutError } from './workers/worker-errors.js';
export type { SuiteSourceData } from './workers/worker-tasks.js';
export { normalizeAnswer, tokenize } from './text-tokens.js';
