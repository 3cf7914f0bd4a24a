// ChatRequest → the JSON body of /chat/completions. The single place where a provider's quirks
// are applied: model aliases, thinking switch, stream usage opt-in, dropped parameters, structured
// output downgrade; `extraBody` is merged last so callers can always override.
import type { ChatOptions, ChatRequest, ResponseFormat, ToolChoice } from '@repo/core';
import { droppedParams, resolveModelAlias, thinkingFields, type ProviderQuirks } from './quirks.js';
import { toOpenAIMessages } from './to-openai-messages.js';

export interface BuildChatRequestSettings {
  /** The model's configured id (ChatOptions.model overrides it per request). */
  model: string;
  quirks: ProviderQuirks;
  stream: boolean;
  /** Options set on the model; the request's options win field by field. */
  defaults?: ChatOptions;
}

export interface BuiltChatRequest {
  body: Record<string, unknown>;
  /** The model id actually sent (after alias mapping). */
  model: string;
  /** The thinking state sent (undefined when no switch was sent). */
  reasoning: boolean | undefined;
}

export function buildChatRequest(
  request: ChatRequest,
  settings: BuildChatRequestSettings,
): BuiltChatRequest {
  const { quirks } = settings;
  const options: ChatOptions = { ...settings.defaults, ...request.options };
  const alias = resolveModelAlias(quirks, options.model ?? settings.model);
  const reasoning = options.reasoning ?? alias.reasoning ?? quirks.defaultReasoning;
  const thinking = quirks.thinkingSwitch === 'none' ? undefined : reasoning;

  // Only defined, kept values are set: deleting keys afterwards turns the object into a slow
  // dictionary-mode one on every request (it showed in the chat bench's profile).
  const dropped: ReadonlySet<string> = droppedParams(quirks, alias.model, thinking);
  const body: Record<string, unknown> = {};
  const put = (key: string, value: unknown) => {
    if (value !== undefined && !dropped.has(key)) body[key] = value;
  };
  put('model', alias.model);
  put('messages', toOpenAIMessages(request.messages, quirks.reasoningReplay));
  put('temperature', options.temperature);
  put('top_p', options.topP);
  put(quirks.maxTokensField, options.maxTokens);
  put('stop', options.stop);
  put('seed', options.seed);
  put('presence_penalty', options.presencePenalty);
  put('frequency_penalty', options.frequencyPenalty);
  put('user', options.user);
  put('response_format', toResponseFormat(options.responseFormat, quirks));
  if (thinking !== undefined)
    for (const [key, value] of Object.entries(thinkingFields(quirks, thinking))) put(key, value);
  if (request.tools && request.tools.length > 0) {
    put(
      'tools',
      request.tools.map((tool) => ({
        type: 'function',
        function: { name: tool.name, description: tool.description, parameters: tool.parameters },
      })),
    );
    put('tool_choice', toToolChoice(options.toolChoice));
    put('parallel_tool_calls', options.parallelToolCalls);
  }
  if (settings.stream) {
    put('stream', true);
    if (quirks.streamUsage) put('stream_options', { include_usage: true });
  }
  Object.assign(body, options.extraBody);
  return { body, model: alias.model, reasoning: thinking };
}

function toResponseFormat(format: ResponseFormat | undefined, quirks: ProviderQuirks): unknown {
  if (!format || format.type === 'text') return undefined;
  // JSON-mode-only providers get json_object; the schema travels in the prompt (packages/prompting).
  if (format.type === 'json' || quirks.structuredOutput === 'json-object')
    return { type: 'json_object' };
  const jsonSchema: Record<string, unknown> = { name: format.name, schema: format.schema };
  if (format.description !== undefined) jsonSchema.description = format.description;
  if (format.strict !== undefined) jsonSchema.strict = format.strict;
  return { type: 'json_schema', json_schema: jsonSchema };
}

function toToolChoice(choice: ToolChoice | undefined): unknown {
  if (choice === undefined || typeof choice === 'string') return choice;
  return { type: 'function', function: { name: choice.name } };
}
