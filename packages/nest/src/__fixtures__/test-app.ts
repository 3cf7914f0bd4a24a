// A small app on the real module graph for this package's tests: AiModule, the filter, an @Sse
// route, a POST SSE route, a route that throws whatever error a test asks for, and health.
import {
  Body,
  Controller,
  Get,
  Header,
  Inject,
  Module,
  Post,
  Query,
  Res,
  Sse,
  type MessageEvent,
} from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import type { ChatClient } from '@repo/chat';
import type { Observable } from 'rxjs';
import { AiExceptionFilter } from '../ai-exception-filter.js';
import { AiHealthIndicator } from '../ai-health-indicator.js';
import { AiModule } from '../ai-module.js';
import type { AiModuleOptions } from '../ai-module-options.js';
import { AI_CHAT_CLIENT } from '../ai-tokens.js';
import { toSseEvents } from '../sse-events.js';
import { writeSse, type SseResponse } from '../write-sse.js';

/** What `GET /throw` throws; set by the test. */
export const thrower: { error: unknown } = { error: new Error('unset') };

@Controller()
class TestController {
  constructor(
    @Inject(AI_CHAT_CLIENT) private readonly chat: ChatClient,
    @Inject(AiHealthIndicator) private readonly health: AiHealthIndicator,
  ) {}

  @Get('throw')
  throwIt(): never {
    throw thrower.error;
  }

  @Get('plain')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  plain(): string {
    throw thrower.error;
  }

  @Post('echo')
  echo(@Body() body: unknown): unknown {
    return body;
  }

  @Sse('stream')
  stream(@Query('message') message: string): Observable<MessageEvent> {
    return toSseEvents((signal) => this.chat.prompt(message).signal(signal).stream());
  }

  @Post('stream')
  async postStream(@Body() body: { message: string }, @Res() res: SseResponse): Promise<void> {
    await writeSse(
      res,
      toSseEvents((signal) => this.chat.prompt(body.message).signal(signal).stream()),
      { 'X-AI-Provider': 'local' },
    );
  }

  @Get('health')
  check(@Query('deep') deep?: string) {
    return this.health.check('ai', { deep: deep === 'true' });
  }
}

export async function createTestApp(
  options: AiModuleOptions = {},
): Promise<NestExpressApplication> {
  @Module({
    imports: [AiModule.forRoot({ env: {}, logger: false, ...options })],
    controllers: [TestController],
    providers: [{ provide: APP_FILTER, useClass: AiExceptionFilter }],
  })
  class TestModule {}
  const moduleRef = await Test.createTestingModule({ imports: [TestModule] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({
    logger: false,
    bodyParser: true,
  });
  app.useBodyParser('json', { limit: 1024 });
  await app.init();
  return app;
}
