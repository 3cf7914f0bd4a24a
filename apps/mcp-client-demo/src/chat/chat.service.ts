// The seed's ChatClient with `defaultToolCallbacks(toolCallbackProvider.getToolCallbacks())`: the
// default model (the embedded one without a key) with every tool the MCP servers offer. The chat
// loop runs them; a tool whose server failed or dropped is simply absent or answers with an error
// the model reads, so one broken server never breaks the route, and the answer names the servers
// it had to do without (`unavailableServers`).
import { Inject, Injectable, type MessageEvent } from '@nestjs/common';
import type { ChatClient } from '@repo/chat';
import { AI_CHAT_CLIENT, toSseEvents } from '@repo/nest';
import { concat, of, type Observable } from 'rxjs';
import { McpConnectionsService } from '../mcp/mcp-connections.service.js';
import { unavailableServers, type UnavailableServer } from '../mcp/unavailable-servers.js';

export interface ChatAnswer {
  text: string;
  /** The provider that answered (`local` = the embedded model). */
  provider: string;
  /** Configured servers whose tools the model could not use (empty when all are up). */
  unavailableServers: UnavailableServer[];
}

export interface OpenedStream {
  provider: string;
  unavailableServers: UnavailableServer[];
  /** A `warning` event first when a server is unavailable, then delta, tool, usage, done. */
  events: Observable<MessageEvent>;
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
    return {
      text: answer.content,
      provider: answer.response.provider,
      // Read after the answer: a server that dropped while the model used it is named too.
      unavailableServers: unavailableServers(this.mcp.servers()),
    };
  }

  async openStream(userInput: string): Promise<OpenedStream> {
    const tools = await this.mcp.tools();
    const unavailable = unavailableServers(this.mcp.servers());
    const spec = this.chat.prompt(userInput).tools(...tools);
    const answer = toSseEvents((signal) => spec.signal(signal).stream());
    const warning: MessageEvent = { type: 'warning', data: { unavailableServers: unavailable } };
    return {
      provider: this.chat.model.provider,
      unavailableServers: unavailable,
      events: unavailable.length > 0 ? concat(of(warning), answer) : answer,
    };
  }
}
