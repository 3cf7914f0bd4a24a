// A job's events as OpenAI's `fine_tuning.job.event` objects: `message` events for each status
// change, and one `metrics` event per training step whose `data` carries OpenAI's names
// (`step` from 1, `train_loss`, `valid_loss`, …) plus the trainer's other figures, snake_cased.
import { nowSeconds, randomId } from './store.js';

export interface JobEvent {
  id: string;
  object: 'fine_tuning.job.event';
  created_at: number;
  level: 'info' | 'warn' | 'error';
  message: string;
  type: 'message' | 'metrics';
  data: Record<string, unknown> | null;
}

/** The trainer's step event, as far as the events need it. */
export interface StepEvent {
  step: number;
  steps: number;
  loss: number;
  learningRate: number;
  tokensPerSecond: number;
  elapsedMs: number;
  metrics: Record<string, number>;
}

export function messageEvent(message: string, level: JobEvent['level'] = 'info'): JobEvent {
  const data = null;
  return {
    id: randomId('ftevent-'),
    object: 'fine_tuning.job.event',
    created_at: nowSeconds(),
    level,
    message,
    type: 'message',
    data,
  };
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** `validationLoss` → `valid_loss`, `validation.accuracy` → `valid_accuracy`, `margin` → `train_margin`. */
export function metricName(name: string): string {
  if (name === 'validationLoss') return 'valid_loss';
  if (name.startsWith('validation.')) return `valid_${snake(name.slice('validation.'.length))}`;
  return `train_${snake(name)}`;
}

export function metricsEvent(step: StepEvent): JobEvent {
  const data: Record<string, number> = {
    step: step.step + 1,
    total_steps: step.steps,
    train_loss: step.loss,
  };
  for (const [name, value] of Object.entries(step.metrics)) data[metricName(name)] = value;
  Object.assign(data, {
    learning_rate: step.learningRate,
    tokens_per_second: Math.round(step.tokensPerSecond),
    elapsed_ms: Math.round(step.elapsedMs),
  });
  const valid =
    data.valid_loss === undefined ? '' : `, validation loss=${data.valid_loss.toFixed(4)}`;
  const message = `Step ${data.step}/${step.steps}: training loss=${step.loss.toFixed(4)}${valid}`;
  return { ...messageEvent(message), type: 'metrics', data };
}
