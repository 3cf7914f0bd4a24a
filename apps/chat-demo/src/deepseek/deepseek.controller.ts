// spring-ai-chat-deepseek's endpoints at the seed's paths, answering text/plain like the seed.
import { Controller, Get, Header, Inject, Query, Res } from '@nestjs/common';
import { AI_PROVIDER_HEADER, type HeaderSink } from '../common/ai-provider-header.js';
import { UserInputDto } from '../common/user-input.dto.js';
import { DeepseekService } from './deepseek.service.js';
import { ChatWithPromptDto } from './dto/chat-with-prompt.dto.js';
import { ApiOperation, ApiProduces, ApiTags } from '@repo/nest';

@ApiTags('seed: deepseek')
@ApiProduces('text/plain')
@Controller('api/deepseek')
export class DeepseekController {
  constructor(@Inject(DeepseekService) private readonly deepseek: DeepseekService) {}

  @Get('chatWithPrompt')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiOperation({ summary: 'Three PromptTemplate styles (promptType 01, 02, 03)' })
  async chatWithPrompt(
    @Query() query: ChatWithPromptDto,
    @Res({ passthrough: true }) res: HeaderSink,
  ): Promise<string> {
    const answer = await this.deepseek.chatWithPrompt(query.userInput, query.promptType);
    res.setHeader(AI_PROVIDER_HEADER, answer.provider);
    return answer.text;
  }

  @Get('chatWithMetric')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiOperation({ summary: 'A chat whose token counts show up at /metrics' })
  async chatWithMetric(
    @Query() query: UserInputDto,
    @Res({ passthrough: true }) res: HeaderSink,
  ): Promise<string> {
    const answer = await this.deepseek.chatWithMetric(query.userInput);
    res.setHeader(AI_PROVIDER_HEADER, answer.provider);
    return answer.text;
  }
}
