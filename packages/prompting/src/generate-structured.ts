// One structured-output call with the best strategy the model supports (native JSON schema, then
// JSON mode plus instructions, then instructions only), tolerant parsing and a bounded re-ask
// (Spring AI's StructuredOutputValidationAdvisor, as a function over any `call`).
import {
  AbortedError,
  addUsage,
  assistantMessage,
  emptyUsage,
  InvalidInputError,
  systemMessage,
  textOf,
  userMessage,
} from '@repo/core';
import type { ChatModelCapabilities, ChatRequest, ChatResponse, Message, Usage } from '@repo/core';
import type { z } from 'zod';
import { StructuredOutputError } from './prompting-errors.js';
import { createStructuredOutput, describeFailure, formatIssues } from './structured-output.js';
import type { StructuredOutput } from './structured-output.js';

export interface GenerateStructuredOptions<T> {
  /** Sends one request: a ChatModel's `call`, or a chat client's tool-looping, advised call. */
  call: (request: ChatRequest) => Promise<ChatResponse>;
  request: ChatRequest;
  schema: z.ZodType<T>;
  /** Response format name (default `response`). */
  name?: string;
  description?: string;
  /** Usually `model.capabilities`; unknown is treated as `structuredOutput: 'none'`. */
  capabilities?: ChatModelCapabilities;
  /** Further requests after an invalid answer (default 2, so at most 3 calls). */
  maxReasks?: number;
  signal?: AbortSignal;
}

export interface GenerateStructuredResult<T> {
  value: T;
  /** The response whose answer was accepted. */
  response: ChatResponse;
  /** Calls made, 1 + re-asks used. */
  attempts: number;
  /** Summed over every attempt (each attempt's `totalUsage` when the call reports one). */
  usage: Usage;
}

export async function generateStructured<T>(
  options: GenerateStructuredOptions<T>,
): Promise<GenerateStructuredResult<T>> {
  const maxReasks = options.maxReasks ?? 2;
  if (!Number.isInteger(maxReasks) || maxReasks < 0)
    throw new InvalidInputError('maxReasks must be a non-negative integer.', [
      { field: 'maxReasks', reason: 'must be a non-negative integer' },
    ]);
  const output = createStructuredOutput(options.schema, {
    name: options.name,
    description: options.description,
  });
  const signal = options.signal ?? options.request.signal;
  let request = prepareRequest(options.request, output, options.capabilities, signal);
  let usage = emptyUsage();
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw new AbortedError(undefined, { cause: signal.reason });
    const response = await options.call(request);
    usage = addUsage(usage, response.totalUsage ?? response.usage);
    const result = output.safeParse(response.text);
    if (result.success) return { value: result.value, response, attempts: attempt, usage };
    if (attempt > maxReasks)
      throw new StructuredOutputError(describeFailure(result.issues, attempt), {
        rawText: response.text,
        issues: result.issues,
        attempts: attempt,
        usage,
      });
    const reask = [
      'Your previous answer could not be used:',
      formatIssues(result.issues),
      'Reply again with only the corrected JSON value that conforms to the schema: no explanations, no code fences.',
    ].join('\n');
    request = {
      ...request,
      messages: [
        ...request.messages,
        // An empty assistant turn is rejected by some providers; the re-ask says it was empty.
        ...(response.text === '' ? [] : [assistantMessage(response.text)]),
        userMessage(reask),
      ],
    };
  }
}

/** The first request: the caller's, with the response format and/or instructions for this model. */
function prepareRequest<T>(
  request: ChatRequest,
  output: StructuredOutput<T>,
  capabilities: ChatModelCapabilities | undefined,
  signal: AbortSignal | undefined,
): ChatRequest {
  const mode = capabilities?.structuredOutput ?? 'none';
  const prepared: ChatRequest = { ...request, options: { ...request.options } };
  if (signal) prepared.signal = signal;
  if (mode === 'json-schema') {
    prepared.options = { ...prepared.options, responseFormat: output.responseFormat() };
    return prepared;
  }
  if (mode === 'json-object')
    prepared.options = { ...prepared.options, responseFormat: { type: 'json' } };
  prepared.messages = withInstructions(request.messages, output.formatInstructions());
  return prepared;
}

/** Appends to the last system message, or puts a new one first. Never mutates `messages`. */
export function withInstructions(messages: Message[], instructions: string): Message[] {
  const index = messages.findLastIndex((message) => message.role === 'system');
  if (index === -1) return [systemMessage(instructions), ...messages];
  const current = messages[index] as Message;
  const merged = systemMessage(`${textOf(current)}\n\n${instructions}`);
  return messages.map((message, i) => (i === index ? merged : message));
}
