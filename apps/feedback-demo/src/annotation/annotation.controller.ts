// The annotator's API: the next task in their queue, votes (201, or 200 for a retry of the same
// id and body) and undo of their last vote.
import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@repo/nest';
import type { RequestHeaders } from '../common/feedback-access.service.js';
import { AnnotationService, type AssignmentJson, type VoteJson } from './annotation.service.js';
import { NextQueryDto } from './dto/next-query.dto.js';
import { UndoVoteDto, VoteDto } from './dto/vote.dto.js';

interface StatusResponse {
  status(code: number): unknown;
  setHeader(name: string, value: string): unknown;
}

@ApiTags('annotation')
@Controller('api/feedback')
export class AnnotationController {
  constructor(@Inject(AnnotationService) private readonly annotation: AnnotationService) {}

  @Get('campaigns/:id/next')
  @ApiOperation({
    summary:
      'The next task for an annotator (200), in the order shown; 202 + Retry-After while candidates are generated; 204 when done (X-Queue: done | capped)',
  })
  async next(
    @Headers() headers: RequestHeaders,
    @Param('id') id: string,
    @Query() query: NextQueryDto,
    @Res({ passthrough: true }) response: StatusResponse,
  ): Promise<AssignmentJson | object | undefined> {
    const next = await this.annotation.next(headers, id, query.annotator);
    response.status(next.status);
    if (next.status === 202) response.setHeader('Retry-After', String(next.retryAfterSeconds));
    if (next.status !== 204) return next.body;
    response.setHeader('X-Queue', next.queue);
    if (next.resetsAt) response.setHeader('X-Resets-At', next.resetsAt);
    return undefined;
  }

  @Post('votes')
  @ApiOperation({ summary: 'A pairwise vote on an assigned task: left, right, tie or both-bad' })
  async vote(
    @Headers() headers: RequestHeaders,
    @Body() body: VoteDto,
    @Res({ passthrough: true }) response: StatusResponse,
  ): Promise<VoteJson> {
    const vote = await this.annotation.vote(headers, body);
    response.status(vote.created ? 201 : 200);
    return vote;
  }

  @Post('votes/undo')
  @HttpCode(200)
  @ApiOperation({ summary: "Undo the annotator's vote: the task comes back in their queue" })
  undo(@Headers() headers: RequestHeaders, @Body() body: UndoVoteDto): Promise<{ taskId: string }> {
    return this.annotation.undo(headers, body);
  }
}
