// Chat side by side: one prompt to several models (aliases, fine-tuned ids, base models), or to a
// succeeded job's base and tuned models (409 before it has succeeded). Answers are plain text.
import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@repo/nest';
import { JobsService } from '../jobs/jobs.service.js';
import { notInThisStatus } from '../jobs/job-errors.js';
import { ChatDto, JobChatDto } from './dto/chat.dto.js';
import { FineTunedModelsService, type Answer } from './fine-tuned-models.service.js';

@ApiTags('chat')
@Controller('api/fine-tuning')
export class ChatController {
  constructor(
    @Inject(FineTunedModelsService) private readonly models: FineTunedModelsService,
    @Inject(JobsService) private readonly jobs: JobsService,
  ) {}

  @Post('chat')
  @HttpCode(200)
  @ApiOperation({ summary: 'One prompt to 1–4 models side by side' })
  async chat(@Body() body: ChatDto): Promise<{ answers: Answer[] }> {
    const refs: string[] = [];
    for (const [i, name] of body.models.entries())
      refs.push(await this.models.resolve(name, `models[${i}]`));
    const answers = await Promise.all(
      body.models.map((name, i) => this.models.answer(name, refs[i]!, body.prompt, body.maxTokens)),
    );
    return { answers };
  }

  @Post('jobs/:id/chat')
  @HttpCode(200)
  @ApiOperation({ summary: "A succeeded job's base and tuned models on one prompt" })
  async jobChat(
    @Param('id') id: string,
    @Body() body: JobChatDto,
  ): Promise<{ base: Answer; tuned: Answer }> {
    const job = await this.jobs.get(id);
    if (job.status !== 'succeeded' || !job.fineTunedModel)
      throw notInThisStatus(id, 'chat', job.status);
    const base = await this.models.resolve(job.model, 'model');
    const tuned = await this.models.resolve(job.fineTunedModel, 'fineTunedModel');
    const [baseAnswer, tunedAnswer] = await Promise.all([
      this.models.answer(job.model, base, body.prompt, body.maxTokens),
      this.models.answer(job.alias ?? job.fineTunedModel, tuned, body.prompt, body.maxTokens),
    ]);
    return { base: baseAnswer, tuned: tunedAnswer };
  }
}
