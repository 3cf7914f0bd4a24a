// The seed's GET /api/chat/ai?userInput=: the model's text, with the MCP servers' tools.
import { Controller, Get, Header, Inject, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@repo/nest';
import { ChatService } from './chat.service.js';
import { UserInputDto } from './dto/user-input.dto.js';

/** The part of express' Response this route needs. */
interface HeaderTarget {
  setHeader(name: string, value: string): unknown;
}

@ApiTags('chat')
@Controller('api/chat')
export class ChatController {
  constructor(@Inject(ChatService) private readonly chat: ChatService) {}

  @Get('ai')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiProduces('text/plain')
  @ApiOperation({ summary: 'Ask the model; it may call any tool of the configured MCP servers' })
  @ApiOkResponse({ description: 'The answer; `X-AI-Provider` says which provider gave it' })
  async ai(
    @Query() query: UserInputDto,
    @Res({ passthrough: true }) res: HeaderTarget,
  ): Promise<string> {
    const answer = await this.chat.ask(query.userInput);
    res.setHeader('X-AI-Provider', answer.provider);
    return answer.text;
  }
}
