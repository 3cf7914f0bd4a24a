// What a campaign's votes add up to: the leaderboard (Bradley–Terry with bootstrap intervals,
// online Elo), agreement figures, and the training-data exports with their data cards. Exports
// stream from the store page by page; agreement per item feeds the export's `minAgreement`.
import { Inject, Injectable } from '@nestjs/common';
import {
  exportFeedback,
  type AnnotatorQuality,
  type DataCard,
  type ExportFormat,
  type ExportOptions,
  type FeedbackExport,
} from '@repo/feedback';
import { APP_CONFIG } from '@repo/nest';
import type { AppConfig } from '../app-config.js';
import { FeedbackDataService } from '../common/feedback-data.service.js';
import { campaignNotFound, nothingToExport } from '../campaigns/campaign-errors.js';

export interface LeaderboardJson {
  campaignId: string;
  battles: number;
  rounds: number;
  models: Array<{
    model: string;
    rating: number;
    lower: number;
    upper: number;
    rank: number;
    elo: number;
    wins: number;
    losses: number;
    ties: number;
    bothBad: number;
    battles: number;
  }>;
}

export interface AgreementJson {
  campaignId: string;
  items: number;
  votes: number;
  annotators: number;
  rawAgreement: number | null;
  kappa: number | null;
  krippendorffAlpha: number | null;
  positionBias: {
    leftShare: number | null;
    lower: number | null;
    upper: number | null;
    decisive: number;
  };
  perAnnotator: Array<{
    annotator: string;
    votes: number;
    agreementWithConsensus: number | null;
    goldAccuracy: number | null;
    flags: string[];
  }>;
}

const finite = (value: number) => (Number.isFinite(value) ? value : null);

export interface ExportQuery {
  format: ExportFormat;
  minAgreement?: number;
  excludeFlagged?: boolean;
  rubricVersion?: string;
}

/** Below this share right on gold items, an annotator's votes are left out of a filtered export. */
const MIN_GOLD_ACCURACY = 0.5;

function flaggedAnnotators(rows: readonly AnnotatorQuality[]): Set<string> {
  return new Set(
    rows
      .filter((row) => row.straightLining || row.tooFast || row.gold.rate < MIN_GOLD_ACCURACY)
      .map((row) => row.annotator),
  );
}

@Injectable()
export class ResultsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(FeedbackDataService) private readonly data: FeedbackDataService,
  ) {}

  async leaderboard(campaignId: string): Promise<LeaderboardJson> {
    const { campaigns } = await this.data.data();
    const board = await campaigns.leaderboard(campaignId, {
      rounds: this.config.FEEDBACK_BOOTSTRAP_ROUNDS,
    });
    return {
      campaignId,
      battles: board.battles,
      rounds: board.rounds,
      models: board.rows.map((row) => ({
        model: row.model,
        rating: row.rating,
        lower: row.lower,
        upper: row.upper,
        rank: row.rank,
        elo: row.elo,
        wins: row.wins,
        losses: row.losses,
        ties: row.ties - row.bothBad,
        bothBad: row.bothBad,
        battles: row.battles,
      })),
    };
  }

  /** `perAnnotator` only for admins: an annotator never sees how others voted. */
  async agreement(campaignId: string, admin: boolean): Promise<AgreementJson> {
    const { campaigns } = await this.data.data();
    const result = await campaigns.agreement(campaignId);
    const bias = result.positionBias;
    return {
      campaignId,
      items: result.items,
      votes: result.votes,
      annotators: result.annotators,
      rawAgreement: result.rawAgreement,
      kappa: result.kappa,
      krippendorffAlpha: result.krippendorffAlpha,
      positionBias: {
        leftShare: bias ? finite(bias.leftWinShare) : null,
        lower: bias && bias.decisive > 0 ? bias.interval[0] : null,
        upper: bias && bias.decisive > 0 ? bias.interval[1] : null,
        decisive: bias?.decisive ?? 0,
      },
      perAnnotator: admin
        ? result.perAnnotator.map((row) => ({
            annotator: row.annotator,
            votes: row.votes,
            agreementWithConsensus: finite(row.consensus.rate),
            goldAccuracy: finite(row.gold.rate),
            flags: [
              ...(row.straightLining ? ['straight-lining'] : []),
              ...(row.tooFast ? ['too-fast'] : []),
            ],
          }))
        : [],
    };
  }

  /** The export's lines, to stream; 404 for an unknown campaign, 409 when nobody voted yet. */
  async export(campaignId: string, query: ExportQuery): Promise<FeedbackExport> {
    const { campaigns, feedback } = await this.data.data();
    if (!(await campaigns.getCampaign(campaignId))) throw campaignNotFound(campaignId);
    const counts = await feedback.countFeedback({ campaignId });
    if (counts.total === 0) throw nothingToExport(campaignId);
    const options: ExportOptions = { format: query.format, campaignId };
    if (query.rubricVersion !== undefined) options.rubricVersions = [query.rubricVersion];
    if (query.minAgreement !== undefined || query.excludeFlagged) {
      const agreement = await campaigns.agreement(campaignId);
      if (query.minAgreement !== undefined) {
        options.agreement = agreement.itemAgreement;
        options.minAgreement = query.minAgreement;
      }
      if (query.excludeFlagged)
        options.excludeAnnotators = flaggedAnnotators(agreement.perAnnotator);
    }
    return exportFeedback(feedback, options);
  }

  /** The data card of the export, after reading it through (nothing is kept). */
  async card(campaignId: string, query: ExportQuery): Promise<DataCard> {
    const run = await this.export(campaignId, query);
    for await (const line of run.lines) void line;
    return run.card();
  }
}
