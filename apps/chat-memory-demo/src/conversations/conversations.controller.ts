// /api/conversations: the stored conversations and their messages (not in the seed).
import { Controller, Delete, Get, HttpCode, Inject, Param } from '@nestjs/common';
import { ConversationsService } from './conversations.service.js';
import { ConversationParamsDto } from './dto/conversation-params.dto.js';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@repo/nest';

@ApiTags('conversations')
@Controller('api/conversations')
export class ConversationsController {
  constructor(@Inject(ConversationsService) private readonly conversations: ConversationsService) {}

  @Get()
  @ApiOperation({ summary: 'Every conversation: id, messageCount, updatedAt (newest first)' })
  list() {
    return this.conversations.list();
  }

  @Get(':id/messages')
  @ApiOperation({ summary: 'A conversation’s messages with every part, in order' })
  @ApiNotFoundResponse({ description: 'No conversation has this id' })
  messages(@Param() params: ConversationParamsDto) {
    return this.conversations.messages(params.id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Forget a conversation' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ description: 'No conversation has this id' })
  async delete(@Param() params: ConversationParamsDto): Promise<void> {
    await this.conversations.delete(params.id);
  }
}
