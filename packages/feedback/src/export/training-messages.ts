// Core messages as training-file messages: OpenAI's chat shape, which TRL's conversational
// datasets use too, written by core's toOpenAIChatMessages (the one providers send). Reasoning is
// left out: training teaches the answer, and OpenAI's fine-tuning messages have no field for it.
import { toOpenAIChatMessages, type Message, type OpenAIChatMessage } from '@repo/core';

export type TrainingMessage = OpenAIChatMessage;

export function toTrainingMessages(messages: readonly Message[]): TrainingMessage[] {
  return toOpenAIChatMessages(messages);
}

export function assistantTurn(content: string): TrainingMessage {
  return { role: 'assistant', content };
}
