// Turns a prompt spec's state plus the client's defaults into what one request runs with: the
// ChatRequest the model sees, the tools that may execute, the tool context it never sees, and the
// advisors' shared context. Merging happens here, once, so call, stream and entity agree.
import {
  CHAT_CONTEXT_KEYS,
  InvalidInputError,
  systemMessage,
  toToolDefinition,
  userMessage,
} from '@repo/core';
import type { Advisor, ChatModel, ChatOptions, ChatRequest, Message } from '@repo/core';
import { createPromptTemplate } from '@repo/prompting';
import { mergeAdvisors } from './advisor-chain.js';
import type {
  AnyTool,
  ChatClientDefaults,
  TemplateParams,
  ToolExecutionMode,
} from './chat-client-types.js';

export interface TemplateText {
  text: string;
  params?: TemplateParams | undefined;
}

/** What a prompt spec holds: only the per-request parts; defaults are merged in `prepareRequest`. */
export interface PromptState {
  system?: TemplateText;
  user?: TemplateText;
  history: readonly Message[];
  options: ChatOptions;
  advisors: readonly Advisor[];
  tools: readonly AnyTool[];
  toolContext: Readonly<Record<string, unknown>>;
  advisorContext: Readonly<Record<string, unknown>>;
  signal?: AbortSignal;
  toolExecution: ToolExecutionMode;
}

export interface PreparedRequest {
  request: ChatRequest;
  advisors: Advisor[];
  tools: Map<string, AnyTool>;
  toolContext: Record<string, unknown>;
  context: Map<string, unknown>;
  mode: ToolExecutionMode;
  maxIterations: number;
}

export const DEFAULT_MAX_TOOL_ITERATIONS = 10;

export function prepareRequest(
  model: ChatModel,
  defaults: ChatClientDefaults,
  state: PromptState,
): PreparedRequest {
  const system =
    state.system ??
    (defaults.system === undefined
      ? undefined
      : { text: defaults.system, params: defaults.systemParams });
  const messages: Message[] = [];
  if (system) messages.push(systemMessage(render(system)));
  messages.push(...state.history);
  if (state.user) messages.push(userMessage(render(state.user)));
  if (messages.length === 0)
    throw new InvalidInputError('A prompt needs a user message or history', [
      { field: 'user', reason: 'is required when no messages are given' },
    ]);

  const options = mergeOptions(defaults.options ?? {}, state.options);
  // A per-request tool replaces a default tool of the same name.
  const tools = new Map<string, AnyTool>();
  for (const tool of defaults.tools ?? []) tools.set(tool.name, tool);
  for (const tool of state.tools) tools.set(tool.name, tool);

  const request: ChatRequest = { messages };
  if (hasKeys(options)) request.options = options;
  if (tools.size > 0) request.tools = [...tools.values()].map(toToolDefinition);
  if (state.signal) request.signal = state.signal;

  // Set one by one: every request of every app comes through here, and a Map built from an
  // array of entry arrays allocated one array per entry besides.
  const context = new Map<string, unknown>();
  context.set(CHAT_CONTEXT_KEYS.provider, model.provider);
  context.set(CHAT_CONTEXT_KEYS.model, options.model ?? model.modelId);
  for (const key in state.advisorContext) context.set(key, state.advisorContext[key]);
  return {
    request,
    advisors: mergeAdvisors(defaults.advisors ?? [], state.advisors),
    tools,
    toolContext: { ...defaults.toolContext, ...state.toolContext },
    context,
    mode: state.toolExecution,
    maxIterations: defaults.maxToolIterations ?? DEFAULT_MAX_TOOL_ITERATIONS,
  };
}

/** Plain text stays as written (braces in a JSON example are not placeholders); params render it. */
function render({ text, params }: TemplateText): string {
  return params ? createPromptTemplate(text).render(params) : text;
}

/** `Object.keys(x).length > 0` without the array (once per request). */
function hasKeys(object: object): boolean {
  for (const key in object) if (Object.hasOwn(object, key)) return true;
  return false;
}

export function mergeOptions(base: ChatOptions, override: ChatOptions): ChatOptions {
  const merged: ChatOptions = { ...base, ...override };
  if (base.extraBody && override.extraBody)
    merged.extraBody = { ...base.extraBody, ...override.extraBody };
  return merged;
}
