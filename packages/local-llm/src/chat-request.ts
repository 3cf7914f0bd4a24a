// Validates a Chat Completions body and normalises it into the few fields the reply rules read.
// Validation errors carry the offending `param`, as OpenAI's 400s do.
import { failInvalid as fail } from './openai-errors.js';

export type JsonSchema = Record<string, unknown>;

export interface ToolCall {
  id: string;
  name: string;
  /** JSON text, as on the wire. */
  arguments: string;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  text: string;
  toolCalls: ToolCall[];
  toolCallId?: string;
}

export interface ToolDefinition {
  name: string;
  description: string;
  parameters: JsonSchema;
}

export type ToolChoice = 'auto' | 'none' | 'required' | { name: string };

export type ResponseFormat =
  { type: 'text' } | { type: 'json_object' } | { type: 'json_schema'; schema: JsonSchema };

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  tools: ToolDefinition[];
  toolChoice: ToolChoice;
  stream: boolean;
  includeUsage: boolean;
  maxTokens: number | undefined;
  responseFormat: ResponseFormat;
  reasoner: boolean;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Text of a `content` field: a string, or the text parts of an array (images are ignored). */
function contentText(content: unknown, param: string, nullable: boolean): string {
  if (typeof content === 'string') return content;
  if ((content === null || content === undefined) && nullable) return '';
  if (!Array.isArray(content))
    fail(`${param} must be a string or an array of content parts.`, param);
  return content
    .map((part, i) => {
      if (!isRecord(part) || typeof part.type !== 'string')
        fail(`${param}[${i}] must be an object with a string 'type'.`, `${param}[${i}]`);
      if (part.type !== 'text') return '';
      if (typeof part.text !== 'string')
        fail(`${param}[${i}].text must be a string.`, `${param}[${i}].text`);
      return part.text;
    })
    .join('');
}

function parseToolCalls(value: unknown, param: string): ToolCall[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) fail(`${param} must be an array.`, param);
  return value.map((call, i) => {
    const fn = isRecord(call) ? call.function : undefined;
    if (!isRecord(call) || !isRecord(fn) || typeof fn.name !== 'string')
      fail(`${param}[${i}] must have function.name.`, `${param}[${i}]`);
    const args =
      typeof fn.arguments === 'string' ? fn.arguments : JSON.stringify(fn.arguments ?? {});
    return { id: typeof call.id === 'string' ? call.id : '', name: fn.name, arguments: args };
  });
}

const ROLES: Record<string, ChatMessage['role']> = {
  system: 'system',
  developer: 'system',
  user: 'user',
  assistant: 'assistant',
  tool: 'tool',
  function: 'tool',
};

function parseMessages(value: unknown): ChatMessage[] {
  if (!Array.isArray(value)) fail("'messages' must be an array of messages.", 'messages');
  if (value.length === 0) fail("'messages' must contain at least one message.", 'messages');
  return value.map((message, i) => {
    const param = `messages[${i}]`;
    if (!isRecord(message)) fail(`${param} must be an object.`, param);
    const role = typeof message.role === 'string' ? ROLES[message.role] : undefined;
    if (!role)
      fail(
        `${param}.role must be one of system, developer, user, assistant, tool.`,
        `${param}.role`,
      );
    const nullable = role === 'assistant' || role === 'tool';
    const parsed: ChatMessage = {
      role,
      text: contentText(message.content, `${param}.content`, nullable),
      toolCalls:
        role === 'assistant' ? parseToolCalls(message.tool_calls, `${param}.tool_calls`) : [],
    };
    if (typeof message.tool_call_id === 'string') parsed.toolCallId = message.tool_call_id;
    return parsed;
  });
}

function parseTools(value: unknown): ToolDefinition[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) fail("'tools' must be an array.", 'tools');
  return value.map((tool, i) => {
    const fn = isRecord(tool) ? tool.function : undefined;
    if (!isRecord(tool) || tool.type !== 'function' || !isRecord(fn))
      fail(`tools[${i}] must be {type: 'function', function: {...}}.`, `tools[${i}]`);
    if (typeof fn.name !== 'string' || fn.name === '')
      fail(`tools[${i}].function.name must be a non-empty string.`, `tools[${i}].function.name`);
    if (fn.parameters !== undefined && !isRecord(fn.parameters))
      fail(
        `tools[${i}].function.parameters must be a JSON schema object.`,
        `tools[${i}].function.parameters`,
      );
    return {
      name: fn.name,
      description: typeof fn.description === 'string' ? fn.description : '',
      parameters: fn.parameters ?? { type: 'object', properties: {} },
    };
  });
}

function parseToolChoice(value: unknown): ToolChoice {
  if (value === undefined || value === null) return 'auto';
  if (value === 'auto' || value === 'none' || value === 'required') return value;
  const fn = isRecord(value) ? value.function : undefined;
  if (isRecord(fn) && typeof fn.name === 'string') return { name: fn.name };
  return fail(
    "'tool_choice' must be 'auto', 'none', 'required' or a named function.",
    'tool_choice',
  );
}

function parseResponseFormat(value: unknown): ResponseFormat {
  if (value === undefined || value === null) return { type: 'text' };
  if (!isRecord(value)) fail("'response_format' must be an object.", 'response_format');
  if (value.type === 'text' || value.type === 'json_object') return { type: value.type };
  if (value.type === 'json_schema') {
    const spec = value.json_schema;
    if (!isRecord(spec) || !isRecord(spec.schema))
      fail(
        "'response_format.json_schema.schema' must be an object.",
        'response_format.json_schema',
      );
    return { type: 'json_schema', schema: spec.schema };
  }
  return fail(
    "'response_format.type' must be text, json_object or json_schema.",
    'response_format.type',
  );
}

function parseMaxTokens(body: Record<string, unknown>): number | undefined {
  for (const key of ['max_completion_tokens', 'max_tokens']) {
    const value = body[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
      fail(`'${key}' must be a positive integer.`, key);
    return value;
  }
  return undefined;
}

/** Reasoner ids, DeepSeek's `thinking: {type: 'enabled'}` and Qwen's `enable_thinking`; an explicit off wins. */
function isReasoner(model: string, body: Record<string, unknown>): boolean {
  const thinking = isRecord(body.thinking) ? body.thinking.type : undefined;
  if (thinking === 'disabled' || body.enable_thinking === false) return false;
  if (thinking === 'enabled' || body.enable_thinking === true) return true;
  return /reasoner|thinking/i.test(model);
}

export function parseChatRequest(body: unknown): ChatRequest {
  if (!isRecord(body)) fail('The request body must be a JSON object.', 'body');
  if (typeof body.model !== 'string') fail("'model' is required and must be a string.", 'model');
  if (body.stream !== undefined && body.stream !== null && typeof body.stream !== 'boolean')
    fail("'stream' must be a boolean.", 'stream');
  const streamOptions = isRecord(body.stream_options) ? body.stream_options : {};
  return {
    model: body.model,
    messages: parseMessages(body.messages),
    tools: parseTools(body.tools),
    toolChoice: parseToolChoice(body.tool_choice),
    stream: body.stream === true,
    includeUsage: streamOptions.include_usage === true,
    maxTokens: parseMaxTokens(body),
    responseFormat: parseResponseFormat(body.response_format),
    reasoner: isReasoner(body.model, body),
  };
}
