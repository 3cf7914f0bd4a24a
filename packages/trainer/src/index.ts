// Public API of @repo/trainer (in progress): the tokenizer, the optimizers and the preference
// losses on plain numbers. The model, the training stages and the runs come next; the arithmetic they report with is @repo/training-math.
export {
  BYTE_OFFSET,
  CHARACTER_OFFSET,
  CharTokenizer,
  SPECIAL_TOKENS,
} from './tokenizer/char-tokenizer.js';
export type {
  ChatTurn,
  EncodedChat,
  SpecialToken,
  StreamDecoder,
  TokenizerJson,
} from './tokenizer/char-tokenizer.js';
export { buildCharTokenizer, loadCharTokenizer } from './tokenizer/build-tokenizer.js';
export type { BuildTokenizerOptions } from './tokenizer/build-tokenizer.js';
export { createOptimizer, OPTIMIZER_NAMES } from './optim/optimizers.js';
export type {
  Optimizer,
  OptimizerName,
  OptimizerOptions,
  OptimizerState,
} from './optim/optimizers.js';
export { clipGlobalNorm, GradientAccumulator, warmupCosine } from './optim/schedule.js';
export type { ScheduleOptions } from './optim/schedule.js';
export { dpoLoss, logSigmoid, rewardModelLoss } from './losses/preference-losses.js';
export type { DpoBatch, DpoStats, PreferenceBatchStats } from './losses/preference-losses.js';
export { checkConfig, countParameters, initWeights, weightShapes } from './model/config.js';
export type { GptConfig, ParameterCount, Weights } from './model/config.js';
export { CHECKPOINT_FORMAT, loadCheckpoint, saveCheckpoint } from './model/checkpoint.js';
export type { Checkpoint, CheckpointMeta, ModelJson } from './model/checkpoint.js';
export { GptRunner, GptSession } from './model/inference.js';
export { checkSampleOptions, generateChat, pickToken } from './model/sample.js';
export type { Generated, SampleOptions } from './model/sample.js';
export { createRandom, deriveSeed } from './model/rng.js';
export type { Random } from './model/rng.js';
export { TfGpt } from './model/tf-gpt.js';
export type { TokenBatch } from './model/tf-gpt.js';
export { loadTf } from './model/tf.js';
export type { Tf } from './model/tf.js';
export { train, resolveTrainConfig, writeLossChart } from './train/train.js';
export type { TrainConfig, TrainEvent, TrainHooks, TrainResult } from './train/train.js';
export { STAGES } from './train/stages.js';
export type { Stage } from './train/stages.js';
export {
  parsePreferenceJsonl,
  parseSftJsonl,
  encodeChatSequence,
  encodeCorpus,
  sequenceBatch,
  splitValidation,
} from './train/data.js';
export type { PreferenceRow, Sequence } from './train/data.js';
export { startRun } from './run/start-run.js';
export type { RunHandle } from './run/start-run.js';
export { escapeXml, lineChart } from './report/svg-chart.js';
export type { ChartOptions, Series } from './report/svg-chart.js';
export { BASE_MODEL_DIR, BUNDLED_DATA_DIR } from './base-model.js';
export { optimizerExperiment } from './experiments/optimizers.js';
export type {
  OptimizerData,
  OptimizerExperimentOptions,
  OptimizerRun,
} from './experiments/optimizers.js';
export { OPTIMIZER_SETTINGS, optimizerMemory } from './experiments/optimizer-settings.js';
export type { OptimizerMemory, OptimizerSetting } from './experiments/optimizer-settings.js';
export { scalingExperiment } from './experiments/scaling.js';
export type { ScalingData, ScalingExperimentOptions, ScalingPoint } from './experiments/scaling.js';
export { fitPowerLaw } from './experiments/power-law.js';
export type { PowerLawFit } from './experiments/power-law.js';
export { sftExperiment } from './experiments/sft.js';
export type { SftData, SftExperimentOptions } from './experiments/sft.js';
export { dpoExperiment } from './experiments/dpo.js';
export type { DpoData, DpoExperimentOptions, DpoRun } from './experiments/dpo.js';
export { HELD_OUT_PROMPTS, answerTraits, repetition, samplesHtml } from './experiments/samples.js';
export type { AnswerTraits, SamplesPage } from './experiments/samples.js';
export { printProgress } from './experiments/experiment.js';
export type {
  ExperimentOptions,
  ExperimentResult,
  ProgressListener,
} from './experiments/experiment.js';
