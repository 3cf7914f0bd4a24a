// Campaigns: a task set (prompts × candidate models) whose answers are generated once, then
// judged pairwise by annotators. Each task (one prompt, two models) goes to `overlap` different
// annotators; each assignment shows the two answers in its own random order and hides the models
// until the vote; gold tasks (answers with a known better side) go to everyone and measure them.
import type { Message } from '@repo/core';
import type { PairwiseChoice, PairwiseFeedback } from '../store/feedback-types.js';

export const CAMPAIGN_LIMITS = {
  nameChars: 200,
  prompts: 2000,
  promptChars: 20_000,
  models: 10,
  modelChars: 200,
  overlap: 10,
  gold: 200,
  dailyCap: 100_000,
} as const;

/** A task with a known answer: which of two fixed answers is better. */
export interface GoldItemInput {
  prompt: string;
  better: string;
  worse: string;
}

export interface CampaignInput {
  /** Client-chosen id (idempotent create); default a new UUID. */
  id?: string;
  name: string;
  /** User prompts; each is asked of every model. */
  prompts: string[];
  /** Two or more candidate names, resolved to chat clients when candidates are generated. */
  models: string[];
  /** Annotators per task (1 to 10, default 2); gold tasks go to every annotator. */
  overlap?: number;
  gold?: GoldItemInput[];
  /** Assignments one annotator may take per UTC day; default no cap. */
  dailyCap?: number;
  /** The guideline version annotators see; stored on every vote. */
  rubricVersion?: string;
  /** An optional system prompt sent before each prompt. */
  system?: string;
}

export type CampaignStatus = 'generating' | 'ready';

export interface GenerationProgress {
  /** Candidates (prompt × model) in all. */
  total: number;
  done: number;
  failed: number;
  /** `done + failed === total`. */
  finished: boolean;
}

export interface Campaign {
  id: string;
  name: string;
  models: string[];
  overlap: number;
  dailyCap?: number;
  rubricVersion?: string;
  system?: string;
  prompts: number;
  /** Pairwise tasks: C(models, 2) per prompt, plus one per gold item. */
  tasks: number;
  goldTasks: number;
  status: CampaignStatus;
  progress: GenerationProgress;
  createdAt: Date;
}

/** One side as an annotator sees it: no model name until the vote. */
export interface ShownAnswer {
  responseId: string;
  text: string;
}

export interface Assignment {
  taskId: string;
  campaignId: string;
  annotatorId: string;
  prompt: Message[];
  left: ShownAnswer;
  right: ShownAnswer;
  rubricVersion?: string;
  /** Tasks this annotator has voted on in this campaign, and how many they can still get. */
  position: { done: number; remaining: number };
}

export type NextAssignment =
  | { status: 'assigned'; assignment: Assignment }
  /** Nothing ready yet, but candidates are still being generated: ask again. */
  | { status: 'generating'; progress: GenerationProgress }
  /** This annotator's daily cap is used up until `resetsAt`. */
  | { status: 'capped'; resetsAt: Date }
  | { status: 'done' };

export interface VoteInput {
  /** Client-generated feedback id: a retried vote is stored once. */
  id: string;
  taskId: string;
  annotatorId: string;
  choice: PairwiseChoice;
  strength?: 1 | 2 | 3;
  timeSpentMs?: number;
  comment?: string;
}

export interface VoteResult {
  feedback: PairwiseFeedback;
  created: boolean;
  /** The models behind the sides the annotator saw, revealed once they voted. */
  reveal: { left: string; right: string };
}

export interface CandidateOutput {
  text: string;
  /** The model id the provider reported. */
  model: string;
  provider?: string;
  parameters?: Record<string, unknown>;
}

/** Produces one model's answer to a prompt (a ChatClient call in practice). */
export type GenerateCandidate = (
  model: string,
  prompt: Message[],
  signal: AbortSignal,
) => Promise<CandidateOutput>;

export interface GenerateOptions {
  /** Candidates generated at once (default 4). */
  concurrency?: number;
  onProgress?: (progress: GenerationProgress) => void;
  signal?: AbortSignal;
}

export interface CampaignLeaderboardOptions {
  /** Bootstrap rounds for the intervals (default 200), seeded. */
  rounds?: number;
  seed?: number;
}
