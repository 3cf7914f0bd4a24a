// User-controlled tool execution (the seed's UserControlledExecutor + UserControlledMemory): the
// model's tool calls come back to the caller instead of running; the caller decides each one and
// the conversation continues from its memory until the model answers. Nothing is executed unless
// the caller says `execute`.
import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { ChatClient } from '@repo/chat';
import {
  assistantMessage,
  emptyUsage,
  toolMessage,
  userMessage,
  type Message,
  type ToolResultPart,
} from '@repo/core';
import { randomUUID } from 'node:crypto';
import { ToolCatalog } from '../tools/tool-catalog.js';
import { TOOL_CHAT_CLIENT } from '../tools/tool-chat-client.js';
import { applyDecisions, matchDecisions } from './apply-decisions.js';
import { CONVERSATION_STORE, MAX_CONVERSATION_MESSAGES } from './steps-tokens.js';
import type { Conversation, ConversationStore } from './conversation-store.js';
import type { ContinueStepsDto } from './dto/continue-steps.dto.js';
import type { StartStepDto } from './dto/start-step.dto.js';
import { numberToolCalls } from './number-tool-calls.js';
import { toStepAnswer, type StepAnswer } from './step-answer.js';

@Injectable()
export class StepsService {
  /** Conversations with a request in flight: a second one would decide the same calls twice. */
  private readonly busy = new Set<string>();

  constructor(
    @Inject(TOOL_CHAT_CLIENT) private readonly chat: ChatClient,
    @Inject(ToolCatalog) private readonly catalog: ToolCatalog,
    @Inject(CONVERSATION_STORE) private readonly store: ConversationStore,
  ) {}

  start(input: StartStepDto): Promise<StepAnswer> {
    const id = input.conversationId ?? randomUUID();
    return this.exclusive(id, async () => {
      const existing = this.store.get(id);
      if (existing && existing.pending.length > 0)
        throw conflict(
          id,
          `still waits for decisions on ${existing.pending.map((c) => c.id).join(', ')}; send them to POST /api/tools/steps/${id} first`,
        );
      if (existing && existing.messages.length >= MAX_CONVERSATION_MESSAGES)
        throw conflict(id, `is full (${MAX_CONVERSATION_MESSAGES} messages); start a new one`);
      const conversation: Conversation = {
        id,
        messages: existing?.messages ?? [],
        pending: [],
        tools: input.tools ?? existing?.tools,
        context: input.context ?? existing?.context ?? {},
        // Every new message starts again at call_1, so a documented exchange (README: trip-1)
        // gives the same ids on every try, even when the conversation id is reused.
        nextCallNumber: 1,
      };
      return this.ask(conversation, [...conversation.messages, userMessage(input.message)]);
    });
  }

  resume(id: string, input: ContinueStepsDto): Promise<StepAnswer> {
    return this.exclusive(id, async () => {
      const conversation = this.find(id);
      if (conversation.pending.length === 0)
        throw conflict(
          id,
          'has no pending tool calls; send a new message to POST /api/tools/steps',
        );
      const decided = matchDecisions(conversation.pending, input.results);
      const tools = this.catalog.select(conversation.tools);
      const results = await applyDecisions(decided, {
        tools,
        context: conversation.context,
        messages: conversation.messages,
      });
      const messages = [...conversation.messages, toolMessage(results)];
      // The automatic loop's rule, kept here: a round of returnDirect tools is the answer itself.
      const direct = new Set(tools.filter((tool) => tool.returnDirect).map((tool) => tool.name));
      if (decided.every(({ call }) => direct.has(call.name)))
        return this.answerDirectly(conversation, messages, results);
      return this.ask(conversation, messages, results);
    });
  }

  get(id: string): Conversation {
    return this.find(id);
  }

  forget(id: string): void {
    if (!this.store.delete(id)) throw this.notFound(id);
  }

  /** One model turn in manual mode: its tool calls are returned, not run. */
  private async ask(
    conversation: Conversation,
    messages: Message[],
    results?: ToolResultPart[],
  ): Promise<StepAnswer> {
    const step = await this.chat
      .prompt()
      .messages(messages)
      .tools(...this.catalog.select(conversation.tools))
      .toolExecution('manual')
      .call();
    const turn = numberToolCalls(step.response.message, conversation.nextCallNumber);
    const saved: Conversation = {
      ...conversation,
      messages: [...messages, turn.message],
      pending: turn.calls,
      nextCallNumber: turn.nextCallNumber,
    };
    this.store.save(saved);
    return toStepAnswer(saved, {
      content: step.content,
      usage: step.usage,
      provider: step.response.provider,
      model: step.response.model,
      ...(results ? { results } : {}),
    });
  }

  private answerDirectly(
    conversation: Conversation,
    messages: Message[],
    results: ToolResultPart[],
  ): StepAnswer {
    const content = results
      .map(({ result }) => (typeof result === 'string' ? result : JSON.stringify(result)))
      .join('\n');
    const saved = {
      ...conversation,
      messages: [...messages, assistantMessage(content)],
      pending: [],
    };
    this.store.save(saved);
    const { provider, modelId } = this.chat.model;
    return toStepAnswer(saved, { content, usage: emptyUsage(), provider, model: modelId, results });
  }

  private find(id: string): Conversation {
    const conversation = this.store.get(id);
    if (!conversation) throw this.notFound(id);
    return conversation;
  }

  private notFound(id: string): NotFoundException {
    const minutes = Math.round(this.store.ttlMs / 60_000);
    return new NotFoundException({
      message: `Conversation "${id}" not found: unknown, or forgotten after ${minutes} minutes without use`,
      details: [{ field: 'conversationId', reason: 'is not a known conversation' }],
    });
  }

  private async exclusive<T>(id: string, work: () => Promise<T>): Promise<T> {
    if (this.busy.has(id))
      throw conflict(id, 'is busy with another request; try again when it ends');
    this.busy.add(id);
    try {
      return await work();
    } finally {
      this.busy.delete(id);
    }
  }
}

function conflict(id: string, reason: string): ConflictException {
  return new ConflictException({
    message: `Conversation "${id}" ${reason}`,
    details: [{ field: 'conversationId', reason }],
  });
}
