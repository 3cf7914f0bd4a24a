// User-controlled tool execution (the seed's UserControlledExecutor + UserControlledMemory): the
// model's tool calls come back to the caller, who decides which to run, sends the results back,
// and keeps the whole exchange as the conversation's memory.
import { createChatClient } from '@repo/chat';
import { toolMessage, userMessage } from '@repo/core';
import type { Message } from '@repo/core';
import { createProvider } from '@repo/providers';
import {
  createCalculatorTool,
  createWeatherTool,
  declineToolCall,
  runToolCalls,
} from '../src/index.js';

export async function main() {
  const model = createProvider('local', { env: {} }).chat();
  const tools = [createWeatherTool(), createCalculatorTool()];
  const chat = createChatClient(model, { tools });
  const memory: Message[] = [
    userMessage('My name is Li Lei. What is the weather in Paris and London?'),
  ];

  // 1. manual mode: the loop stops at the first tool calls and hands them over.
  const step = await chat.prompt().messages(memory).toolExecution('manual').call();
  memory.push(...step.messages);
  const pending = step.toolCalls.map((call) => `${call.name} ${JSON.stringify(call.arguments)}`);

  // 2. The caller decides: only Paris is on the trip.
  const approved = step.toolCalls.filter((call) =>
    JSON.stringify(call.arguments).includes('Paris'),
  );
  const declined = step.toolCalls.filter((call) => !approved.includes(call));
  const results = [
    ...(await runToolCalls(approved, tools)),
    ...declined.map((call) => declineToolCall(call, 'Not on the trip.')),
  ];
  memory.push(toolMessage(results));

  // 3. Continue: the model answers from the results; the answer joins the memory too.
  const answer = await chat.prompt().messages(memory).toolExecution('manual').call();
  memory.push(...answer.messages);

  // 4. A later turn sees the whole exchange.
  memory.push(userMessage('What is my name?'));
  const followUp = await chat.prompt().messages(memory).call();

  return { pending, answer: answer.content, followUp: followUp.content, turns: memory.length };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await main());
