// A tiny app for FeedbackModule's tests: the app shell (validation, the error filter, /health with
// the feedback probe), AiModule on the embedded model, FeedbackModule with the options a test
// gives, and a chat route (JSON and SSE) that adds the module's advisor like chat-demo does.
import { randomUUID } from 'node:crypto';
import { Body, Controller, Inject, Module, Post, Res } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import type { ChatClient } from '@repo/chat';
import { FEEDBACK_RESPONSE_ID, type FeedbackAdvisor } from '@repo/feedback';
import { AiModule } from '../ai-module.js';
import { AI_CHAT_CLIENT } from '../ai-tokens.js';
import { AppShellModule } from '../app-shell-module.js';
import { FeedbackHealthProbe } from '../feedback/feedback-health-probe.js';
import { FEEDBACK_ADVISOR } from '../feedback/feedback-module-definition.js';
import type { FeedbackModuleOptions } from '../feedback/feedback-module-options.js';
import { FeedbackModule } from '../feedback/feedback-module.js';
import { toSseEvents } from '../sse-events.js';
import { writeSse, type SseResponse } from '../write-sse.js';

@Controller('chat')
class ChatController {
  constructor(
    @Inject(AI_CHAT_CLIENT) private readonly chat: ChatClient,
    @Inject(FEEDBACK_ADVISOR) private readonly feedback: FeedbackAdvisor,
  ) {}

  @Post()
  async ask(@Body() body: { message: string }) {
    const answer = await this.chat.prompt(body.message).advisors(this.feedback).call();
    return { content: answer.content, responseId: answer.context.get(FEEDBACK_RESPONSE_ID) };
  }

  @Post('stream')
  async stream(@Body() body: { message: string }, @Res() res: SseResponse): Promise<void> {
    const responseId = randomUUID();
    const spec = this.chat
      .prompt(body.message)
      .advisors(this.feedback)
      .advisorContext({ [FEEDBACK_RESPONSE_ID]: responseId });
    await writeSse(
      res,
      toSseEvents((signal) => spec.signal(signal).stream(), { responseId }),
    );
  }
}

export async function createFeedbackTestApp(
  options: FeedbackModuleOptions,
): Promise<NestExpressApplication> {
  @Module({
    imports: [
      AppShellModule.forRoot({
        config: () => ({}),
        health: { summary: 'test', probes: { feedback: FeedbackHealthProbe } },
      }),
      AiModule.forRoot({ env: {}, logger: false }),
      FeedbackModule.forRoot(options),
    ],
    controllers: [ChatController],
  })
  class FeedbackTestModule {}
  const moduleRef = await Test.createTestingModule({ imports: [FeedbackTestModule] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  await app.init();
  return app;
}
