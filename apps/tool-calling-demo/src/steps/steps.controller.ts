// /api/tools/steps: user-controlled tool execution. Start (or continue) a conversation with a
// message, decide the pending tool calls, repeat until `status` is `answered`.
import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@repo/nest';
import { ContinueStepsDto } from './dto/continue-steps.dto.js';
import { ConversationParamsDto } from './dto/conversation-params.dto.js';
import { StartStepDto } from './dto/start-step.dto.js';
import { toConversationView, type ConversationView, type StepAnswer } from './step-answer.js';
import { StepsService } from './steps.service.js';

@ApiTags('steps')
@Controller('api/tools/steps')
export class StepsController {
  constructor(@Inject(StepsService) private readonly steps: StepsService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: "A user message; returns the model's tool calls, none executed" })
  start(@Body() body: StartStepDto): Promise<StepAnswer> {
    return this.steps.start(body);
  }

  @Post(':conversationId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decide every pending call: result, execute or decline; continue' })
  @ApiNotFoundResponse({ description: 'Unknown or expired conversation' })
  resume(
    @Param() params: ConversationParamsDto,
    @Body() body: ContinueStepsDto,
  ): Promise<StepAnswer> {
    return this.steps.resume(params.conversationId, body);
  }

  @Get(':conversationId')
  @ApiOperation({ summary: "The conversation's pending calls and memory" })
  @ApiNotFoundResponse({ description: 'Unknown or expired conversation' })
  view(@Param() params: ConversationParamsDto): ConversationView {
    return toConversationView(this.steps.get(params.conversationId));
  }

  @Delete(':conversationId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Forgotten' })
  @ApiNotFoundResponse({ description: 'Unknown or expired conversation' })
  forget(@Param() params: ConversationParamsDto): void {
    this.steps.forget(params.conversationId);
  }
}
