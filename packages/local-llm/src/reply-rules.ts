// The deterministic "model": picks the reply for a chat request by the documented rules, in order
// (rule 1, scripted replies, is applied by the caller before these):
// 2 tool calls · 3 answer from tool results · 4 response_format JSON · 5 extractive answer from
// context · 6 facts from earlier turns · 7 the fixed offline reply. Reasoners add reasoning.
import { isRecord, type ChatMessage, type ChatRequest, type ToolCall } from './chat-request.js';
import { answerFromFacts } from './conversation-facts.js';
import { answerFromContext } from './extractive-answer.js';
import { valueFromSchema } from './json-from-schema.js';
import { extractCues } from './text-cues.js';
import { planToolCalls } from './tool-call-planner.js';
import { isMostlyCjk, quoteText, truncateChars } from './text-utils.js';

export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter';

export interface PlannedReply {
  content: string | null;
  reasoning: string | undefined;
  toolCalls: ToolCall[];
  finishReason: FinishReason;
  usage?: { promptTokens?: number; completionTokens?: number };
}

const TOOL_RESULT_MAX_CHARS = 500;

export function defaultReply(userText: string): string {
  const said = quoteText(userText);
  return isMostlyCjk(said)
    ? `[local-llm] 这是离线本地模型。你说的是：“${said}”`
    : `[local-llm] This is the offline local model. You said: "${said}"`;
}

export function reasoningFor(userText: string): string {
  return `Thinking about: "${quoteText(userText)}"`;
}

/** Rule 3: quotes every trailing tool result, named after the call that asked for it. */
/** The trailing tool-result messages of the conversation. */
function trailingToolResults(messages: ChatMessage[]): ChatMessage[] {
  let start = messages.length;
  while (start > 0 && messages[start - 1]?.role === 'tool') start--;
  return messages.slice(start);
}

/** Top-level fields of the tool results that are JSON objects, later results winning. */
function toolResultFields(messages: ChatMessage[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const message of trailingToolResults(messages)) {
    try {
      const value: unknown = JSON.parse(message.text);
      if (isRecord(value)) Object.assign(fields, value);
    } catch {
      // A plain-text result has no fields to offer.
    }
  }
  return fields;
}

function answerFromToolResults(messages: ChatMessage[], userText: string): string {
  const names = new Map<string, string>();
  for (const message of messages)
    for (const call of message.toolCalls) names.set(call.id, call.name);
  const results = trailingToolResults(messages).map(
    (m) =>
      `${names.get(m.toolCallId ?? '') ?? 'tool'} → ${truncateChars(m.text.trim(), TOOL_RESULT_MAX_CHARS)}`,
  );
  return isMostlyCjk(userText)
    ? `根据工具结果：${results.join('；')}。`
    : `Based on the tool results: ${results.join('; ')}.`;
}

/** Rules 5–7: the plain-text answer. */
function textReply(messages: ChatMessage[], userText: string): string {
  return answerFromContext(messages) ?? answerFromFacts(messages) ?? defaultReply(userText);
}

function reply(
  content: string | null,
  toolCalls: ToolCall[] = [],
): Omit<PlannedReply, 'reasoning'> {
  return { content, toolCalls, finishReason: toolCalls.length > 0 ? 'tool_calls' : 'stop' };
}

function chooseReply(request: ChatRequest, userText: string): Omit<PlannedReply, 'reasoning'> {
  const { messages, tools, toolChoice, responseFormat } = request;
  const lastRole = messages[messages.length - 1]?.role;
  if (tools.length > 0 && toolChoice !== 'none' && lastRole === 'user') {
    const calls = planToolCalls(tools, toolChoice, userText);
    if (calls.length > 0) return reply(null, calls);
  }
  // A schema wins over the tool-result sentence: a tool loop with a schema ends in JSON, as it
  // does on hosted models.
  if (responseFormat.type === 'json_schema') {
    const value = valueFromSchema(responseFormat.schema, extractCues(userText), {
      includeOptional: true,
      known: lastRole === 'tool' ? toolResultFields(messages) : {},
    });
    return reply(JSON.stringify(value));
  }
  const text =
    lastRole === 'tool' ? answerFromToolResults(messages, userText) : textReply(messages, userText);
  if (responseFormat.type === 'json_object') return reply(JSON.stringify({ answer: text }));
  return reply(text);
}

export function planReply(request: ChatRequest): PlannedReply {
  const lastUser = [...request.messages].reverse().find((m) => m.role === 'user');
  const userText = lastUser?.text ?? '';
  const chosen = chooseReply(request, userText);
  return { ...chosen, reasoning: request.reasoner ? reasoningFor(userText) : undefined };
}
