// ANY /api/multi-chat/chat and ANY /api/multi-chat-openai/chat (the seed mapped every method).
import { All, Controller, Header, Inject, Res } from '@nestjs/common';
import { AI_PROVIDER_HEADER, type HeaderSink } from '../common/ai-provider-header.js';
import { MultiChatService } from './multi-chat.service.js';
import { ApiOperation, ApiProduces, ApiTags } from '@repo/nest';

@ApiTags('seed: multi-chat')
@ApiProduces('text/plain')
@Controller('api')
export class MultiChatController {
  constructor(@Inject(MultiChatService) private readonly multi: MultiChatService) {}

  @All('multi-chat/chat')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiOperation({ summary: '"who are you?" to DeepSeek, then to Doubao' })
  async multiChat(@Res({ passthrough: true }) res: HeaderSink): Promise<string> {
    const answer = await this.multi.multiChat();
    res.setHeader(AI_PROVIDER_HEADER, answer.provider);
    return answer.text;
  }

  @All('multi-chat-openai/chat')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiOperation({
    summary: 'The capital of France from DeepSeek and Doubao (the seed returned nothing)',
  })
  async multiChatOpenai(@Res({ passthrough: true }) res: HeaderSink): Promise<string> {
    const answer = await this.multi.multiChatOpenai();
    res.setHeader(AI_PROVIDER_HEADER, answer.provider);
    return answer.text;
  }
}
