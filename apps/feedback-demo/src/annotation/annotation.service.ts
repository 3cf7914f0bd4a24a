// An annotator's side of a campaign: the next task (202 while candidates are being generated, 204
// when the queue is finished or the daily cap reached), votes and their undo. Every call checks
// the campaign's invite (or the admin token); a vote's campaign is read from its task id.
import { Inject, Injectable } from '@nestjs/common';
import type { Assignment, NextAssignment, VoteResult } from '@repo/feedback';
import { textOf } from '@repo/core';
import { FeedbackAccessService, type RequestHeaders } from '../common/feedback-access.service.js';
import { FeedbackDataService } from '../common/feedback-data.service.js';
import type { UndoVoteDto, VoteDto } from './dto/vote.dto.js';

export interface AssignmentJson extends Omit<Assignment, 'prompt'> {
  prompt: Array<{ role: string; content: string }>;
}

export type NextJson =
  | { status: 200; body: AssignmentJson }
  | { status: 202; body: { status: 'generating'; progress: object }; retryAfterSeconds: number }
  | { status: 204; queue: 'done' | 'capped'; resetsAt?: string };

export interface VoteJson {
  id: string;
  taskId: string;
  choice: string;
  created: boolean;
  reveal: VoteResult['reveal'];
}

/** The campaign part of a task id (`<campaign>:<position>`). */
function campaignOfTask(taskId: string): string {
  const end = taskId.lastIndexOf(':');
  return end > 0 ? taskId.slice(0, end) : taskId;
}

@Injectable()
export class AnnotationService {
  constructor(
    @Inject(FeedbackDataService) private readonly data: FeedbackDataService,
    @Inject(FeedbackAccessService) private readonly access: FeedbackAccessService,
  ) {}

  async next(headers: RequestHeaders, campaignId: string, annotator: string): Promise<NextJson> {
    this.access.requireCampaign(headers, campaignId);
    const { campaigns } = await this.data.data();
    const next: NextAssignment = await campaigns.nextAssignment(campaignId, annotator);
    switch (next.status) {
      case 'assigned': {
        const { prompt, ...rest } = next.assignment;
        return {
          status: 200,
          body: {
            ...rest,
            prompt: prompt.map((message) => ({ role: message.role, content: textOf(message) })),
          },
        };
      }
      case 'generating':
        return {
          status: 202,
          body: { status: 'generating', progress: next.progress },
          retryAfterSeconds: 2,
        };
      case 'capped':
        return { status: 204, queue: 'capped', resetsAt: next.resetsAt.toISOString() };
      case 'done':
        return { status: 204, queue: 'done' };
    }
  }

  async vote(headers: RequestHeaders, body: VoteDto): Promise<VoteJson> {
    this.access.requireCampaign(headers, campaignOfTask(body.taskId));
    const { campaigns } = await this.data.data();
    const { annotator, ...vote } = body;
    const result = await campaigns.recordVote({ ...vote, annotatorId: annotator });
    return {
      id: result.feedback.id,
      taskId: body.taskId,
      choice: result.feedback.choice,
      created: result.created,
      reveal: result.reveal,
    };
  }

  async undo(headers: RequestHeaders, body: UndoVoteDto): Promise<{ taskId: string }> {
    const { campaigns, feedback } = await this.data.data();
    const vote = await feedback.getFeedback(body.id);
    // Checked against the vote's campaign; an unknown id goes on to the store's 404.
    if (vote?.campaignId !== undefined) this.access.requireCampaign(headers, vote.campaignId);
    const { taskId } = await campaigns.undoVote({ id: body.id, annotatorId: body.annotator });
    return { taskId };
  }
}
