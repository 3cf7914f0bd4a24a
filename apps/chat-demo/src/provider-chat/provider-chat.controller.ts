// GET /api/doubao/chat, /api/qwen/chat, /api/ollama/chat at the seed's paths, text/plain.
import { Controller, Get, Header, Inject, Query, Res } from '@nestjs/common';
import { AI_PROVIDER_HEADER, type HeaderSink } from '../common/ai-provider-header.js';
import { UserInputDto } from '../common/user-input.dto.js';
import { ProviderChatService, type SeedProvider } from './provider-chat.service.js';
import { ApiOperation, ApiProduces, ApiTags } from '@repo/nest';

@ApiTags('seed: doubao, qwen, ollama')
@ApiProduces('text/plain')
@Controller('api')
export class ProviderChatController {
  constructor(@Inject(ProviderChatService) private readonly chat: ProviderChatService) {}

  @Get('doubao/chat')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiOperation({ summary: 'Doubao (Volcengine Ark) chat; embedded model without DOUBAO_*' })
  doubao(@Query() query: UserInputDto, @Res({ passthrough: true }) res: HeaderSink) {
    return this.answer('doubao', query, res);
  }

  @Get('qwen/chat')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiOperation({ summary: 'Qwen (DashScope) chat; embedded model without QWEN_API_KEY' })
  qwen(@Query() query: UserInputDto, @Res({ passthrough: true }) res: HeaderSink) {
    return this.answer('qwen', query, res);
  }

  @Get('ollama/chat')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiOperation({ summary: 'Ollama chat; embedded model without OLLAMA_BASE_URL' })
  ollama(@Query() query: UserInputDto, @Res({ passthrough: true }) res: HeaderSink) {
    return this.answer('ollama', query, res);
  }

  private async answer(provider: SeedProvider, query: UserInputDto, res: HeaderSink) {
    const answer = await this.chat.chat(provider, query.userInput);
    res.setHeader(AI_PROVIDER_HEADER, answer.provider);
    return answer.text;
  }
}
