// POST /api/eval/relevancy: the seed's EvaluationService.evaluate(message) as an endpoint.
import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@repo/nest';
import { EvaluateRelevancyDto } from './dto/evaluate-relevancy.dto.js';
import { RelevancyService, type RelevancyVerdict } from './relevancy.service.js';

@ApiTags('relevancy')
@Controller('api/eval')
export class RelevancyController {
  constructor(@Inject(RelevancyService) private readonly relevancy: RelevancyService) {}

  @Post('relevancy')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Answer the question (unless `answer` is given) and judge the answer’s relevancy',
  })
  evaluate(@Body() body: EvaluateRelevancyDto): Promise<RelevancyVerdict> {
    return this.relevancy.evaluate(body);
  }
}
