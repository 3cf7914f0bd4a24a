// The JSON of /api/feedback as the lead's contract describes it (apps/feedback-demo's API).
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: Array<{ field: string; reason: string }>;
}

export interface Progress {
  total: number;
  done: number;
  failed: number;
  finished: boolean;
}

export interface Invite {
  token: string;
  path: string;
}

export interface Campaign {
  id: string;
  name: string;
  models: string[];
  overlap: number;
  dailyCap?: number;
  rubricVersion?: string;
  prompts: number;
  tasks: number;
  goldTasks: number;
  status: 'generating' | 'ready';
  progress: Progress;
  createdAt: string;
  invite?: Invite;
}

export interface ModelInfo {
  name: string;
  description: string;
}

export interface Answer {
  responseId: string;
  text: string;
}

export interface Task {
  taskId: string;
  campaignId: string;
  annotatorId: string;
  prompt: Array<{ role: string; content: string }>;
  left: Answer;
  right: Answer;
  rubricVersion?: string;
  position: { done: number; remaining: number };
}

export type Choice = 'left' | 'right' | 'tie' | 'both-bad';

export interface VoteBody {
  id: string;
  taskId: string;
  annotator: string;
  choice: Choice;
  timeSpentMs: number;
}

export interface VoteResult {
  id: string;
  taskId: string;
  choice: Choice;
  created: boolean;
  reveal: { left: string; right: string };
}

export interface LeaderboardRow {
  model: string;
  rating: number;
  lower: number;
  upper: number;
  elo: number;
  wins: number;
  losses: number;
  ties: number;
  bothBad: number;
  battles: number;
}

export interface Leaderboard {
  campaignId: string;
  battles: number;
  rounds: number;
  models: LeaderboardRow[];
}

export interface AnnotatorRow {
  annotator: string;
  votes: number;
  agreementWithConsensus: number | null;
  goldAccuracy: number | null;
  flags: string[];
}

export interface Agreement {
  items: number;
  votes: number;
  annotators: number;
  rawAgreement: number | null;
  krippendorffAlpha: number | null;
  positionBias: {
    leftShare: number | null;
    lower: number | null;
    upper: number | null;
    decisive: number;
  };
  perAnnotator: AnnotatorRow[];
}

export const CRITERIA = ['helpfulness', 'correctness', 'clarity'] as const;
export type Criterion = (typeof CRITERIA)[number];
export type Scores = Record<Criterion, number>;

export const EXPORT_FORMATS = ['dpo-trl', 'dpo-openai', 'sft-openai', 'kto', 'rm-pairs'] as const;
