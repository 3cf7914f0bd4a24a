// What fine-tuning uses of @repo/trainer, imported on first need (its main entry loads no
// TensorFlow.js; that loads inside the training worker), so local-llm's start-up never pays for it.
import type * as Trainer from '@repo/trainer';

export type TrainerModule = Pick<
  typeof Trainer,
  'BASE_MODEL_DIR' | 'parseSftJsonl' | 'parsePreferenceJsonl' | 'splitValidation' | 'startRun'
>;
export type RunHandle = Trainer.RunHandle;
export type TrainEvent = Trainer.TrainEvent;

let loaded: Promise<TrainerModule> | undefined;

export function loadTrainer(): Promise<TrainerModule> {
  loaded ??= import('@repo/trainer');
  loaded.catch(() => (loaded = undefined));
  return loaded;
}

/** The model id for the trainer's shipped base model. */
export const BASE_MODEL_ID = 'tiny-gpt';
