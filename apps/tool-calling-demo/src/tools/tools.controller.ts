// /api/tools: the tool catalogue, one tool by hand, and the automatic loop as JSON or SSE.
import { Body, Controller, Get, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags, writeSse, type SseResponse } from '@repo/nest';
import { ChatWithToolsDto } from './dto/chat-with-tools.dto.js';
import { RunToolDto } from './dto/run-tool.dto.js';
import type { ToolInfo } from './tool-catalog.js';
import { ToolsService, type ToolChatAnswer, type ToolRun } from './tools.service.js';

@ApiTags('tools')
@Controller('api/tools')
export class ToolsController {
  constructor(@Inject(ToolsService) private readonly tools: ToolsService) {}

  @Get()
  @ApiOperation({ summary: 'Every tool as the model sees it: name, description, JSON schema' })
  list(): ToolInfo[] {
    return this.tools.list();
  }

  @Post('run')
  @HttpCode(200)
  @ApiOperation({ summary: 'Run one tool by hand, without a model: what the model would read' })
  run(@Body() body: RunToolDto): Promise<ToolRun> {
    return this.tools.run(body);
  }

  @Post('chat')
  @HttpCode(200)
  @ApiOperation({ summary: 'The automatic tool loop: the answer and every call it made' })
  chat(@Body() body: ChatWithToolsDto): Promise<ToolChatAnswer> {
    return this.tools.chatWithTools(body);
  }

  @Post('chat/stream')
  @ApiOperation({ summary: 'SSE: delta, tool (call, then result), usage, done, error events' })
  @ApiProduces('text/event-stream')
  async stream(@Body() body: ChatWithToolsDto, @Res() res: SseResponse): Promise<void> {
    await writeSse(res, this.tools.streamWithTools(body));
  }
}
