// A campaign's results: leaderboard and agreement (admin or invite), and the training-data export
// (admin) streamed as JSONL with its data card beside it (never inside the training file).
import { Controller, Get, Headers, Inject, Param, Query, Res } from '@nestjs/common';
import type { DataCard } from '@repo/feedback';
import { ApiOperation, ApiProduces, ApiTags } from '@repo/nest';
import type { Response } from 'express';
import { FeedbackAccessService, type RequestHeaders } from '../common/feedback-access.service.js';
import { ExportQueryDto } from './dto/export-query.dto.js';
import { ResultsService, type AgreementJson, type LeaderboardJson } from './results.service.js';

@ApiTags('results')
@Controller('api/feedback/campaigns/:id')
export class ResultsController {
  constructor(
    @Inject(ResultsService) private readonly results: ResultsService,
    @Inject(FeedbackAccessService) private readonly access: FeedbackAccessService,
  ) {}

  @Get('leaderboard')
  @ApiOperation({ summary: 'Bradley–Terry ratings with bootstrap intervals, online Elo, records' })
  leaderboard(
    @Headers() headers: RequestHeaders,
    @Param('id') id: string,
  ): Promise<LeaderboardJson> {
    this.access.requireCampaign(headers, id);
    return this.results.leaderboard(id);
  }

  @Get('agreement')
  @ApiOperation({ summary: 'Raw agreement, kappa, alpha, position bias; per annotator for admins' })
  agreement(@Headers() headers: RequestHeaders, @Param('id') id: string): Promise<AgreementJson> {
    const admin = this.access.requireCampaign(headers, id);
    return this.results.agreement(id, admin);
  }

  @Get('export')
  @ApiOperation({ summary: 'Training data as JSONL (admin); the data card is at …/export/card' })
  @ApiProduces('application/x-ndjson')
  async export(
    @Headers() headers: RequestHeaders,
    @Param('id') id: string,
    @Query() query: ExportQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    this.access.requireAdmin(headers);
    const run = await this.results.export(id, query);
    const card = `/api/feedback/campaigns/${encodeURIComponent(id)}/export/card?format=${query.format}`;
    response.status(200);
    response.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="${id}-${query.format}.jsonl"`);
    response.setHeader('Link', `<${card}>; rel="describedby"`);
    let gone = false;
    response.once('close', () => (gone = true));
    try {
      for await (const line of run.lines) {
        if (gone) return;
        // Backpressure: a slow client holds the next page read, so memory stays flat.
        if (!response.write(`${line}\n`))
          await new Promise((resolve) => response.once('drain', resolve).once('close', resolve));
      }
      response.end();
    } catch (error) {
      // Past the headers a status cannot change: cut the download short so it cannot pass for whole.
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  }

  @Get('export/card')
  @ApiOperation({ summary: 'The data card of an export: counts, agreement, filters, provenance' })
  card(
    @Headers() headers: RequestHeaders,
    @Param('id') id: string,
    @Query() query: ExportQueryDto,
  ): Promise<DataCard> {
    this.access.requireAdmin(headers);
    return this.results.card(id, query);
  }
}
