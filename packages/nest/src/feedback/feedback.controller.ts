// The feedback routes any app gets by importing FeedbackModule: thumbs, ratings and corrections on
// an answer by its response id (201 stored, 200 a retry of the same id and body), and the answer
// with its current feedback. Thin: FeedbackService does the work, the filter maps the errors.
import { Body, Controller, Get, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiTags } from '../api-docs.js';
import { RecordCorrectionDto } from './dto/record-correction.dto.js';
import { RecordRatingDto } from './dto/record-rating.dto.js';
import { RecordThumbsDto } from './dto/record-thumbs.dto.js';
import { ResponseIdParam } from './dto/response-id.param.js';
import { FeedbackService } from './feedback.service.js';
import type { RecordedFeedbackView, ResponseFeedbackView } from './feedback-views.js';

/** The bit of express' Response the routes use. */
interface StatusSink {
  status(code: number): unknown;
}

const UNKNOWN = 'No answer with this responseId (never given, or no longer held)';

@ApiTags('feedback')
@Controller('api/feedback')
export class FeedbackController {
  constructor(@Inject(FeedbackService) private readonly feedback: FeedbackService) {}

  @Post('thumbs')
  @ApiOperation({ summary: 'Thumbs up or down on an answer (201; 200 for a retry of the same id)' })
  @ApiNotFoundResponse({ description: UNKNOWN })
  async thumbs(
    @Body() body: RecordThumbsDto,
    @Res({ passthrough: true }) res: StatusSink,
  ): Promise<RecordedFeedbackView> {
    return statusOf(res, await this.feedback.thumbs(body));
  }

  @Post('ratings')
  @ApiOperation({ summary: 'Scores per rubric criterion on a 5- or 7-point scale' })
  @ApiNotFoundResponse({ description: UNKNOWN })
  async ratings(
    @Body() body: RecordRatingDto,
    @Res({ passthrough: true }) res: StatusSink,
  ): Promise<RecordedFeedbackView> {
    return statusOf(res, await this.feedback.rating(body));
  }

  @Post('corrections')
  @ApiOperation({ summary: 'The answer as it should have been' })
  @ApiNotFoundResponse({ description: UNKNOWN })
  async corrections(
    @Body() body: RecordCorrectionDto,
    @Res({ passthrough: true }) res: StatusSink,
  ): Promise<RecordedFeedbackView> {
    return statusOf(res, await this.feedback.correction(body));
  }

  @Get('responses/:responseId')
  @ApiOperation({ summary: 'An answer (prompt, answer, model) and its current feedback' })
  @ApiNotFoundResponse({ description: UNKNOWN })
  response(@Param() params: ResponseIdParam): Promise<ResponseFeedbackView> {
    return this.feedback.response(params.responseId);
  }
}

function statusOf(res: StatusSink, recorded: RecordedFeedbackView): RecordedFeedbackView {
  res.status(recorded.created ? 201 : 200);
  return recorded;
}
