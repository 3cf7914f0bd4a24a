// The seed's `/api/test/chat` (spring-ai-chat-memory-local's ChatMemoryController), answering
// text/plain like the seed, on GET and POST (the seed's @RequestMapping took any method).
import { Controller, Get, Header, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { AI_PROVIDER_HEADER, type HeaderSink } from '../common/ai-provider-header.js';
import { ChatMemoryService } from './chat-memory.service.js';
import { ChatParams } from './chat-params.decorator.js';
import { ChatQueryDto } from './dto/chat-query.dto.js';
import { ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@repo/nest';

@ApiTags('seed: chat-memory-local')
@ApiProduces('text/plain')
@ApiQuery({ name: 'message', required: true, example: 'My name is Bob' })
@ApiQuery({ name: 'conversationId', required: false, example: 'bob' })
@Controller('api/test/chat')
export class ChatMemoryController {
  constructor(@Inject(ChatMemoryService) private readonly chat: ChatMemoryService) {}

  @Get()
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiOperation({ summary: 'Chat with memory: earlier turns of the conversation are remembered' })
  get(@ChatParams() params: ChatQueryDto, @Res({ passthrough: true }) res: HeaderSink) {
    return this.answer(params, res);
  }

  @Post()
  @HttpCode(200)
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiOperation({ summary: 'The same; fields may also come in a JSON or form body' })
  post(@ChatParams() params: ChatQueryDto, @Res({ passthrough: true }) res: HeaderSink) {
    return this.answer(params, res);
  }

  private async answer(params: ChatQueryDto, res: HeaderSink): Promise<string> {
    const answer = await this.chat.chat(params.message, params.conversationId);
    res.setHeader(AI_PROVIDER_HEADER, answer.provider);
    return answer.text;
  }
}
