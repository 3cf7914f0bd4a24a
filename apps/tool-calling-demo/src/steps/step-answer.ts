// What the steps routes answer: the calls waiting for the caller, or the model's answer. One shape
// for both, with `status` saying which, so a client loops on `status` until it reads `answered`.
import type { Message, ToolResultPart, Usage } from '@repo/core';
import type { Conversation } from './conversation-store.js';

export interface PendingToolCall {
  id: string;
  name: string;
  arguments: unknown;
}

export type StepStatus = 'awaiting-results' | 'answered';

export interface StepAnswer {
  conversationId: string;
  status: StepStatus;
  /** The calls to decide (empty once answered). */
  toolCalls: PendingToolCall[];
  /** The model's text this turn ('' when it only asked for tools). */
  content: string;
  /** After a decision round: the result each call sent back to the model. */
  results?: Array<Omit<ToolResultPart, 'type' | 'isError'> & { isError: boolean }>;
  usage: Usage;
  provider: string;
  model: string;
}

export interface ConversationView {
  conversationId: string;
  status: StepStatus;
  toolCalls: PendingToolCall[];
  /** The conversation's memory, as sent to the model (tool calls and results included). */
  messages: readonly Message[];
}

export interface TurnOutcome {
  content: string;
  usage: Usage;
  provider: string;
  model: string;
  results?: ToolResultPart[];
}

function pendingOf(conversation: Conversation): Pick<ConversationView, 'status' | 'toolCalls'> {
  return {
    status: conversation.pending.length > 0 ? 'awaiting-results' : 'answered',
    toolCalls: conversation.pending.map(({ id, name, arguments: args }) => ({
      id,
      name,
      arguments: args,
    })),
  };
}

export function toStepAnswer(conversation: Conversation, turn: TurnOutcome): StepAnswer {
  const { results, ...rest } = turn;
  return {
    conversationId: conversation.id,
    ...pendingOf(conversation),
    content: rest.content,
    ...(results
      ? {
          results: results.map(({ toolCallId, name, result, isError }) => ({
            toolCallId,
            name,
            result,
            isError: isError === true,
          })),
        }
      : {}),
    usage: rest.usage,
    provider: rest.provider,
    model: rest.model,
  };
}

export function toConversationView(conversation: Conversation): ConversationView {
  return {
    conversationId: conversation.id,
    ...pendingOf(conversation),
    messages: conversation.messages,
  };
}
