// The clean chat API over ChatClient: call, stream (SSE events from @repo/nest) and a typed
// entity. A named provider comes from AiModule's named clients; asking for one that is not
// configured throws providers' ProviderNotConfiguredError, which the filter turns into a 400
// naming the variable to set.
import { Inject, Injectable, type MessageEvent } from '@nestjs/common';
import type { ChatClient, ChatClients, PromptSpec } from '@repo/chat';
import {
  assistantMessage,
  systemMessage,
  userMessage,
  type ChatOptions,
  type Message,
  type Usage,
} from '@repo/core';
import { AI_CHAT_CLIENT, AI_CHAT_CLIENTS, toSseEvents } from '@repo/nest';
import type { Observable } from 'rxjs';
import { actorFilmsSchema, type ActorFilms } from './actor-films.js';
import type { ChatMessageDto } from './dto/chat-message.dto.js';
import type { CreateChatDto } from './dto/create-chat.dto.js';

export interface ChatAnswer {
  id: string;
  content: string;
  reasoning?: string;
  finishReason: string;
  usage: Usage;
  provider: string;
  model: string;
}

export interface OpenedStream {
  /** The provider that will answer, for the X-AI-Provider header. */
  provider: string;
  events: Observable<MessageEvent>;
}

function toMessage({ role, content }: ChatMessageDto): Message {
  if (role === 'system') return systemMessage(content);
  if (role === 'assistant') return assistantMessage(content);
  return userMessage(content);
}

@Injectable()
export class ChatService {
  constructor(
    @Inject(AI_CHAT_CLIENT) private readonly chat: ChatClient,
    @Inject(AI_CHAT_CLIENTS) private readonly clients: ChatClients,
  ) {}

  async call(input: CreateChatDto): Promise<ChatAnswer> {
    const answer = await this.spec(this.client(input), input).call();
    const { response } = answer;
    return {
      id: response.id,
      content: answer.content,
      ...(answer.reasoning ? { reasoning: answer.reasoning } : {}),
      finishReason: response.finishReason,
      usage: answer.usage,
      provider: response.provider,
      model: response.model,
    };
  }

  /** Throws before any byte is written when the provider is not usable (a plain 400). */
  openStream(input: CreateChatDto): OpenedStream {
    const client = this.client(input);
    const spec = this.spec(client, input);
    return {
      provider: client.model.provider,
      events: toSseEvents((signal) => spec.signal(signal).stream()),
    };
  }

  entity(message: string): Promise<ActorFilms> {
    return this.chat.prompt(message).entity(actorFilmsSchema, { name: 'actor_films' });
  }

  private client(input: CreateChatDto): ChatClient {
    return input.provider ? this.clients.get(input.provider) : this.chat;
  }

  private spec(client: ChatClient, input: CreateChatDto): PromptSpec {
    const spec = client.prompt().messages(input.messages.map(toMessage));
    // Most requests set no options: no empty options step for them (every step copies the spec).
    if (!input.options && !input.model) return spec;
    const options: ChatOptions = { ...input.options };
    if (input.model) options.model = input.model;
    return spec.options(options);
  }
}
