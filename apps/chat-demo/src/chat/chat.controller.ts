// The clean API: POST /api/chat (JSON), GET and POST /api/chat/stream (SSE), POST /api/chat/entity.
// Chat answers carry their response id (X-Response-Id) for POST /api/feedback/*.
import {
  Body,
  Controller,
  HttpCode,
  Inject,
  Post,
  Query,
  Res,
  Sse,
  type MessageEvent,
} from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags, type SseResponse, writeSse } from '@repo/nest';
import { RESPONSE_ID_HEADER } from '@repo/nest/feedback';
import type { Observable } from 'rxjs';
import { AI_PROVIDER_HEADER, type HeaderSink } from '../common/ai-provider-header.js';
import type { ActorFilms } from './actor-films.js';
import { ChatService, type ChatAnswer } from './chat.service.js';
import { CreateChatDto } from './dto/create-chat.dto.js';
import { ExtractEntityDto } from './dto/extract-entity.dto.js';
import { StreamChatDto } from './dto/stream-chat.dto.js';

@ApiTags('chat')
@Controller('api/chat')
export class ChatController {
  constructor(@Inject(ChatService) private readonly chat: ChatService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'One answer: content, reasoning, finish reason, usage, provider, model',
  })
  async create(
    @Body() body: CreateChatDto,
    @Res({ passthrough: true }) res: HeaderSink,
  ): Promise<ChatAnswer> {
    const answer = await this.chat.call(body);
    res.setHeader(AI_PROVIDER_HEADER, answer.provider);
    if (answer.responseId) res.setHeader(RESPONSE_ID_HEADER, answer.responseId);
    return answer;
  }

  @Sse('stream')
  @ApiOperation({ summary: 'SSE: delta, reasoning, tool, usage, done, error events' })
  @ApiProduces('text/event-stream')
  streamGet(
    @Query() query: StreamChatDto,
    @Res({ passthrough: true }) res: HeaderSink,
  ): Observable<MessageEvent> {
    const { message, ...rest } = query;
    const opened = this.chat.openStream({
      ...rest,
      messages: [{ role: 'user', content: message }],
    });
    res.setHeader(AI_PROVIDER_HEADER, opened.provider);
    res.setHeader(RESPONSE_ID_HEADER, opened.responseId);
    return opened.events;
  }

  @Post('stream')
  @ApiOperation({ summary: 'SSE for a full request body (same events as GET)' })
  @ApiProduces('text/event-stream')
  async streamPost(@Body() body: CreateChatDto, @Res() res: SseResponse): Promise<void> {
    const opened = this.chat.openStream(body);
    await writeSse(res, opened.events, {
      [AI_PROVIDER_HEADER]: opened.provider,
      [RESPONSE_ID_HEADER]: opened.responseId,
    });
  }

  @Post('entity')
  @HttpCode(200)
  @ApiOperation({ summary: "Structured output: Spring AI's actor-and-films record" })
  entity(@Body() body: ExtractEntityDto): Promise<ActorFilms> {
    return this.chat.entity(body.message);
  }
}
