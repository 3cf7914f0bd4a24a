// The JSON of /api/fine-tuning as the app's HTTP contract describes it (datasets, jobs, chat,
// compares). The page reads these shapes only; the backend owns them.
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: Array<{ field: string; reason: string }>;
}

export interface Summary {
  p50: number;
  p95: number;
  max: number;
  mean?: number;
}

export interface Issue {
  line: number | null;
  code: string;
  severity: 'error' | 'warning';
  field?: string;
  message: string;
}

export interface DatasetStats {
  examples: number;
  messages: Summary;
  tokens: Summary;
  assistantTokens: Summary;
  truncated: number;
  roles: Record<string, number>;
  toolUse: number;
  duplicates: number;
}

export interface Estimate {
  model: string;
  epochs: number;
  billedTokens: number;
  priceUsd: number | null;
  note?: string;
}

export interface Dataset {
  id: string;
  filename: string;
  bytes: number;
  createdAt: string;
  format: 'sft' | 'dpo' | 'completion' | 'unknown';
  ok: boolean;
  issues: Issue[];
  issuesTotal: number;
  stats: DatasetStats;
  estimate: Estimate | null;
  source?: string;
}

export interface BackendInfo {
  name: string;
  configured: boolean;
  baseModels: string[];
}

export interface Backends {
  default: string;
  backends: BackendInfo[];
}

export type JobStatus =
  | 'validating'
  | 'queued'
  | 'running'
  | 'paused'
  | 'succeeded'
  | 'failed'
  | 'cancelling'
  | 'cancelled'
  | 'unknown';

export const TERMINAL: readonly JobStatus[] = ['succeeded', 'failed', 'cancelled'];

export interface MetricPoint {
  step: number;
  trainLoss: number;
  validLoss?: number | null;
}

export interface JobView {
  id: string;
  backend: string;
  status: JobStatus;
  rawStatus: string;
  model: string;
  fineTunedModel: string | null;
  alias: string | null;
  error: { message: string; code?: string } | null;
  createdAt: string;
  finishedAt: string | null;
  trainingDataset: string;
  validationDataset: string | null;
  method: string;
  lastMetrics: MetricPoint | null;
}

export interface JobRequest {
  trainingDataset: string;
  backend?: string;
  model?: string;
  method?: 'supervised' | 'dpo';
  suffix?: string;
  hyperparameters?: { nEpochs?: number; batchSize?: number };
  alias?: string;
}

export interface Answer {
  model: string;
  text: string;
  ms: number;
}

export interface CompareRow {
  prompt: string;
  base: string;
  tuned: string;
  verdict: 'tuned' | 'base' | 'tie';
  reason: string;
}

export interface Compare {
  id: string;
  jobId: string;
  status: 'running' | 'done' | 'failed';
  progress: { done: number; total: number };
  result: {
    n: number;
    wins: number;
    losses: number;
    ties: number;
    winRate: number;
    judge: string;
    rows: CompareRow[];
  } | null;
  error: string | null;
}
