// The seed's ChatClient with `defaultToolCallbacks(toolCallbackProvider.getToolCallbacks())`: the
// default model (the embedded one without a key) with every tool the MCP servers offer. The chat
// loop runs them; a tool whose server failed or dropped is simply absent or answers with an error
// the model reads, so one broken server never breaks the route.
import { Inject, Injectable } from '@nestjs/common';
import type { ChatClient } from '@repo/chat';
import { AI_CHAT_CLIENT } from '@repo/nest';
import { McpConnectionsService } from '../mcp/mcp-connections.service.js';

export interface ChatAnswer {
  text: string;
  /** The provider that answered (`local` = the embedded model). */
  provider: string;
}

@Injectable()
export class ChatService {
  constructor(
    @Inject(AI_CHAT_CLIENT) private readonly chat: ChatClient,
    @Inject(McpConnectionsService) private readonly mcp: McpConnectionsService,
  ) {}

  async ask(userInput: string): Promise<ChatAnswer> {
    const tools = await this.mcp.tools();
    const answer = await this.chat
      .prompt(userInput)
      .tools(...tools)
      .call();
    return { text: answer.content, provider: answer.response.provider };
  }
}
