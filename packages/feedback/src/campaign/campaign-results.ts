// What a campaign's votes add up to: battles between models (gold tasks left out: their answers
// are not models'), the leaderboard from them, and how far annotators agree with each other and
// with the gold answers. A campaign's votes are bounded by tasks × overlap, so they are read
// whole; exports, which can be far larger, stream instead.
import type { DrizzleDatabase } from '@repo/storage';
import { eq } from 'drizzle-orm';
import {
  assessAnnotators,
  type AnnotatorQuality,
  type GoldAnswer,
} from '../agreement/annotator-quality.js';
import { itemAgreement, pairwiseAgreement } from '../agreement/pairwise-agreement.js';
import type { PairwiseVote } from '../agreement/pairwise-votes.js';
import { positionBias, type PositionBiasReport } from '../agreement/position-bias.js';
import type { Battle } from '../leaderboard/battles.js';
import { computeOnlineElo } from '../leaderboard/elo.js';
import {
  computeLeaderboard,
  type Leaderboard,
  type LeaderboardRow,
} from '../leaderboard/leaderboard.js';
import type { FeedbackStore } from '../store/feedback-store.js';
import type { PairwiseFeedback } from '../store/feedback-types.js';
import { toPairwiseVote } from '../store/to-pairwise-vote.js';
import type { CampaignLeaderboardOptions } from './campaign-types.js';
import { feedbackTasks } from './campaign-schema.js';

export interface CampaignLeaderboard {
  campaignId: string;
  battles: number;
  rounds: number;
  seed: number;
  /** Bradley–Terry with bootstrap intervals, plus online Elo in vote order; best first. */
  rows: Array<LeaderboardRow & { elo: number; bothBad: number }>;
  winFractions?: Leaderboard['winFractions'];
  battleCounts?: Leaderboard['battleCounts'];
}

export interface CampaignAgreement {
  campaignId: string;
  /** Items with votes from two or more annotators (only these are compared). */
  items: number;
  votes: number;
  annotators: number;
  rawAgreement: number | null;
  /** Fleiss' kappa when every compared item has the same number of votes. */
  kappa: number | null;
  krippendorffAlpha: number | null;
  positionBias: PositionBiasReport | null;
  perAnnotator: AnnotatorQuality[];
  /** Per item key: the share of agreeing annotator pairs (the export's agreement filter). */
  itemAgreement: Map<string, number>;
}

interface CampaignVotes {
  regular: PairwiseFeedback[];
  gold: PairwiseFeedback[];
  models: Map<string, string>;
  goldWinners: Map<string, string>;
}

async function readVotes(
  db: DrizzleDatabase,
  store: FeedbackStore,
  campaignId: string,
): Promise<CampaignVotes> {
  const tasks = await db
    .select({
      id: feedbackTasks.id,
      modelA: feedbackTasks.modelA,
      modelB: feedbackTasks.modelB,
      responseA: feedbackTasks.responseA,
      responseB: feedbackTasks.responseB,
      goldWinner: feedbackTasks.goldWinner,
    })
    .from(feedbackTasks)
    .where(eq(feedbackTasks.campaignId, campaignId));
  const models = new Map<string, string>();
  const goldTasks = new Map<string, string>();
  for (const task of tasks) {
    if (task.responseA) models.set(task.responseA, task.modelA);
    if (task.responseB) models.set(task.responseB, task.modelB);
    if (task.goldWinner) goldTasks.set(task.id, task.goldWinner);
  }
  const votes: CampaignVotes = { regular: [], gold: [], models, goldWinners: new Map() };
  for await (const vote of store.streamFeedback({ kind: 'pairwise', campaignId, limit: 1000 })) {
    if (vote.kind !== 'pairwise') continue;
    const winner = vote.taskId === undefined ? undefined : goldTasks.get(vote.taskId);
    if (winner === undefined) votes.regular.push(vote);
    else {
      votes.gold.push(vote);
      votes.goldWinners.set(vote.itemKey, winner);
    }
  }
  return votes;
}

export function battlesOf(
  votes: readonly PairwiseFeedback[],
  models: ReadonlyMap<string, string>,
): Battle[] {
  return votes.map((vote) => ({
    modelA: models.get(vote.candidates[0]) ?? vote.candidates[0],
    modelB: models.get(vote.candidates[1]) ?? vote.candidates[1],
    winner: vote.outcome,
  }));
}

export async function campaignLeaderboard(
  db: DrizzleDatabase,
  store: FeedbackStore,
  campaignId: string,
  options: CampaignLeaderboardOptions = {},
): Promise<CampaignLeaderboard> {
  const { regular, models } = await readVotes(db, store, campaignId);
  const rounds = options.rounds ?? 200;
  const seed = options.seed ?? 0;
  const battles = battlesOf(regular, models);
  if (battles.length === 0) return { campaignId, battles: 0, rounds, seed, rows: [] };
  const board = computeLeaderboard(battles, { rounds, seed });
  const elo = new Map(computeOnlineElo(battles).map((row) => [row.model, row.rating]));
  const bothBad = new Map<string, number>();
  for (const battle of battles)
    if (battle.winner === 'both-bad')
      for (const model of [battle.modelA, battle.modelB])
        bothBad.set(model, (bothBad.get(model) ?? 0) + 1);
  return {
    campaignId,
    battles: battles.length,
    rounds: board.rounds,
    seed: board.seed,
    rows: board.rows.map((row) => ({
      ...row,
      elo: elo.get(row.model) ?? Number.NaN,
      bothBad: bothBad.get(row.model) ?? 0,
    })),
    winFractions: board.winFractions,
    battleCounts: board.battleCounts,
  };
}

export async function campaignAgreement(
  db: DrizzleDatabase,
  store: FeedbackStore,
  campaignId: string,
): Promise<CampaignAgreement> {
  const { regular, gold, goldWinners } = await readVotes(db, store, campaignId);
  const all: PairwiseVote[] = [...regular, ...gold].map(toPairwiseVote);
  const regularVotes = regular.map(toPairwiseVote);
  const goldAnswers = new Map<string, GoldAnswer>(
    [...goldWinners].map(([item, winner]) => [item, { winner }]),
  );
  const result: CampaignAgreement = {
    campaignId,
    items: 0,
    votes: all.length,
    annotators: new Set(all.map((vote) => vote.annotator)).size,
    rawAgreement: null,
    kappa: null,
    krippendorffAlpha: null,
    positionBias: all.length === 0 ? null : positionBias(all),
    perAnnotator:
      all.length === 0 ? [] : assessAnnotators(all, { gold: goldAnswers, minDurationMs: 1500 }),
    itemAgreement: new Map(),
  };
  const compared = new Set<string>();
  const counts = new Map<string, number>();
  for (const vote of regularVotes) counts.set(vote.item, (counts.get(vote.item) ?? 0) + 1);
  for (const [item, n] of counts) if (n >= 2) compared.add(item);
  if (compared.size === 0) return result;
  const agreement = pairwiseAgreement(regularVotes);
  result.items = agreement.items;
  result.rawAgreement = agreement.rawAgreement;
  result.kappa = agreement.kappa ?? null;
  result.krippendorffAlpha = Number.isFinite(agreement.alpha) ? agreement.alpha : null;
  result.itemAgreement = itemAgreement(regularVotes);
  return result;
}
