// Questions answered from the store with citations: POST /api/rag/ask (JSON), GET
// /api/rag/ask/stream (SSE), and the seed's /api/qwen/chat as GET /api/rag/chat (plain text).
import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Inject,
  Post,
  Query,
  Sse,
  type MessageEvent,
} from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@repo/nest';
import type { Observable } from 'rxjs';
import { AskService, type AskAnswer } from './ask.service.js';
import { AskDto, AskStreamQueryDto } from './dto/ask.dto.js';
import { SeedChatQueryDto } from './dto/seed-chat-query.dto.js';

@ApiTags('ask')
@Controller('api/rag')
export class AskController {
  constructor(@Inject(AskService) private readonly rag: AskService) {}

  @Post('ask')
  @HttpCode(200)
  @ApiOperation({ summary: 'Answer from the documents: {answer, citations}' })
  ask(@Body() body: AskDto): Promise<AskAnswer> {
    return this.rag.ask(body);
  }

  @Sse('ask/stream')
  @ApiOperation({ summary: 'SSE: retrieved (citations), delta, usage, done, error events' })
  @ApiProduces('text/event-stream')
  stream(@Query() query: AskStreamQueryDto): Promise<Observable<MessageEvent>> {
    return this.rag.openStream(query);
  }

  @Get('chat')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiOperation({ summary: "Seed route (/api/qwen/chat): the answer's text, retrieved once" })
  async chat(@Query() query: SeedChatQueryDto): Promise<string> {
    return (await this.rag.ask({ question: query.userInput })).answer;
  }
}
