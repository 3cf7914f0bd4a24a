// The seed's GET /api/chat/ai?userInput=: the model's text, with the MCP servers' tools; and its
// stream. Both say which configured servers were unavailable (X-MCP-Unavailable; the stream also
// in a first `warning` event), so an answer given without a tool does not pass for a full one.
import { Controller, Get, Header, Inject, Query, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  type SseResponse,
  writeSse,
} from '@repo/nest';
import {
  formatUnavailableHeader,
  MCP_UNAVAILABLE_HEADER,
  type UnavailableServer,
} from '../mcp/unavailable-servers.js';
import { ChatService } from './chat.service.js';
import { UserInputDto } from './dto/user-input.dto.js';

/** The part of express' Response this route needs. */
interface HeaderTarget {
  setHeader(name: string, value: string): unknown;
}

function answerHeaders(provider: string, unavailable: UnavailableServer[]): Record<string, string> {
  return {
    'X-AI-Provider': provider,
    ...(unavailable.length > 0
      ? { [MCP_UNAVAILABLE_HEADER]: formatUnavailableHeader(unavailable) }
      : {}),
  };
}

@ApiTags('chat')
@Controller('api/chat')
export class ChatController {
  constructor(@Inject(ChatService) private readonly chat: ChatService) {}

  @Get('ai')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiProduces('text/plain')
  @ApiOperation({ summary: 'Ask the model; it may call any tool of the configured MCP servers' })
  @ApiOkResponse({
    description:
      'The answer; `X-AI-Provider` says which provider gave it, `X-MCP-Unavailable` which servers it had to do without',
  })
  async ai(
    @Query() query: UserInputDto,
    @Res({ passthrough: true }) res: HeaderTarget,
  ): Promise<string> {
    const answer = await this.chat.ask(query.userInput);
    for (const [name, value] of Object.entries(
      answerHeaders(answer.provider, answer.unavailableServers),
    ))
      res.setHeader(name, value);
    return answer.text;
  }

  @Get('ai/stream')
  @ApiProduces('text/event-stream')
  @ApiOperation({
    summary: 'SSE: a warning naming unavailable servers (if any), then delta, tool, usage, done',
  })
  async aiStream(@Query() query: UserInputDto, @Res() res: SseResponse): Promise<void> {
    const opened = await this.chat.openStream(query.userInput);
    await writeSse(res, opened.events, answerHeaders(opened.provider, opened.unavailableServers));
  }
}
