// The clean chat API over ChatClient: call, stream (SSE events from @repo/nest) and a typed
// entity. A named provider comes from AiModule's named clients; asking for one that is not
// configured throws providers' ProviderNotConfiguredError, which the filter turns into a 400
// naming the variable to set. Answers carry a `responseId` from FeedbackModule's advisor, which
// `POST /api/feedback/*` takes; a stream's id is chosen up front, so its `done` event can say it.
import { randomUUID } from 'node:crypto';
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
import { FEEDBACK_RESPONSE_ID, type FeedbackAdvisor } from '@repo/feedback/collect';
import { AI_CHAT_CLIENT, AI_CHAT_CLIENTS, toSseEvents } from '@repo/nest';
import { FEEDBACK_ADVISOR } from '@repo/nest/feedback';
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
  /** The answer's id for feedback; absent when it cannot be judged. */
  responseId?: string;
}

export interface OpenedStream {
  /** The provider that will answer, for the X-AI-Provider header. */
  provider: string;
  /** The answer's id for feedback (X-Response-Id, and the `done` event). */
  responseId: string;
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
    @Inject(FEEDBACK_ADVISOR) private readonly feedback: FeedbackAdvisor,
  ) {}

  async call(input: CreateChatDto): Promise<ChatAnswer> {
    const answer = await this.spec(this.client(input), input).call();
    const { response } = answer;
    return {
      id: response.id,
      content: answer.content,
      // Undefined is left out of the JSON: no `reasoning` key for a model that gave none (set,
      // not spread in, like responseId: a spread costs an object and a copy per request).
      reasoning: answer.reasoning || undefined,
      finishReason: response.finishReason,
      usage: answer.usage,
      provider: response.provider,
      model: response.model,
      // Undefined (left out of the JSON) when the answer cannot be judged.
      responseId: answer.context.get(FEEDBACK_RESPONSE_ID) as string | undefined,
    };
  }

  /** Throws before any byte is written when the provider is not usable (a plain 400). */
  openStream(input: CreateChatDto): OpenedStream {
    const client = this.client(input);
    const responseId = randomUUID();
    const spec = this.spec(client, input).advisorContext({ [FEEDBACK_RESPONSE_ID]: responseId });
    return {
      provider: client.model.provider,
      responseId,
      events: toSseEvents((signal) => spec.signal(signal).stream(), { responseId }),
    };
  }

  entity(message: string): Promise<ActorFilms> {
    return this.chat.prompt(message).entity(actorFilmsSchema, { name: 'actor_films' });
  }

  private client(input: CreateChatDto): ChatClient {
    return input.provider ? this.clients.get(input.provider) : this.chat;
  }

  private spec(client: ChatClient, input: CreateChatDto): PromptSpec {
    const spec = client.prompt().messages(input.messages.map(toMessage)).advisors(this.feedback);
    // Most requests set no options: no empty options step for them (every step copies the spec).
    if (!input.options && !input.model) return spec;
    const options: ChatOptions = { ...input.options };
    if (input.model) options.model = input.model;
    return spec.options(options);
  }
}
