// Quirks profiles: everything that differs between "OpenAI-compatible" providers, as data. The
// request builder (build-chat-request.ts) is the one place that applies them, so a new provider
// is a new profile, not a new code path (docs/pain-points.md P3, P5, P6).

/**
 * When an assistant message's reasoning is sent back as `reasoning_content`: `tool-call-turns`
 * on every assistant message of a user turn in which the model called a tool (empty included),
 * `always` wherever there is reasoning.
 */
export type ReasoningReplay = 'never' | 'tool-call-turns' | 'always';

/**
 * How `ChatOptions.reasoning` reaches the provider: DeepSeek, Zhipu, Moonshot and Ark take
 * `thinking: {type}`, DashScope takes `enable_thinking`; others have no switch.
 */
export type ThinkingSwitch = 'thinking-type' | 'enable-thinking' | 'none';

/** `json-schema`: native `response_format: json_schema`; `json-object`: JSON mode only. */
export type StructuredOutputMode = 'json-schema' | 'json-object';

/** Request fields a rule can drop (wire names). */
export type DroppableParam =
  | 'temperature'
  | 'top_p'
  | 'presence_penalty'
  | 'frequency_penalty'
  | 'seed'
  | 'stop'
  | 'parallel_tool_calls';

export interface ParamRule {
  /** Model ids the rule applies to; all models when omitted. */
  models?: RegExp;
  /** Only when thinking is on (true) or off (false); both when omitted. */
  whenReasoning?: boolean;
  drop: DroppableParam[];
}

export interface ModelAlias {
  model: string;
  /** The thinking switch the old name implied; an explicit `ChatOptions.reasoning` wins. */
  reasoning?: boolean;
}

export interface ProviderQuirks {
  /** Send `stream_options: {include_usage: true}` (without it OpenAI-style APIs stream no usage). */
  streamUsage: boolean;
  reasoningReplay: ReasoningReplay;
  thinkingSwitch: ThinkingSwitch;
  /** Thinking state sent when the request does not say; undefined = send nothing. */
  defaultReasoning?: boolean;
  structuredOutput: StructuredOutputMode;
  /** OpenAI deprecated `max_tokens` for `max_completion_tokens`; most others only know `max_tokens`. */
  maxTokensField: 'max_tokens' | 'max_completion_tokens';
  /** Parameters some models reject with a 400 instead of ignoring. */
  paramRules: ParamRule[];
  /** Retired model names mapped to their replacement. */
  modelAliases: Record<string, ModelAlias>;
  /** Embedding wire format; `base64` halves the payload where the provider supports it. */
  embeddingEncoding: 'base64' | 'float';
  /** Thinking mode is streaming-only (DashScope): call() then runs over the stream. */
  thinkingNeedsStream?: boolean;
}

/** A well-behaved OpenAI-compatible server (vLLM, SGLang, LiteLLM): the default for custom endpoints. */
export const DEFAULT_QUIRKS: ProviderQuirks = {
  streamUsage: true,
  reasoningReplay: 'never',
  thinkingSwitch: 'none',
  structuredOutput: 'json-schema',
  maxTokensField: 'max_tokens',
  paramRules: [],
  modelAliases: {},
  embeddingEncoding: 'float',
};

export function mergeQuirks(
  base: ProviderQuirks,
  override?: Partial<ProviderQuirks>,
): ProviderQuirks {
  return { ...base, ...(override ?? {}) };
}

/** Resolves a retired name to the current one, with the thinking state it implied. */
export function resolveModelAlias(
  quirks: ProviderQuirks,
  model: string,
): { model: string; reasoning: boolean | undefined } {
  // Own keys only: a model named "__proto__" or "constructor" is not an alias.
  const alias = Object.hasOwn(quirks.modelAliases, model) ? quirks.modelAliases[model] : undefined;
  return alias
    ? { model: alias.model, reasoning: alias.reasoning }
    : { model, reasoning: undefined };
}

/** The wire parameters to remove for this model and thinking state. */
export function droppedParams(
  quirks: ProviderQuirks,
  model: string,
  reasoning: boolean | undefined,
): Set<DroppableParam> {
  const dropped = new Set<DroppableParam>();
  for (const rule of quirks.paramRules) {
    if (rule.models && !rule.models.test(model)) continue;
    if (rule.whenReasoning !== undefined && rule.whenReasoning !== (reasoning === true)) continue;
    for (const param of rule.drop) dropped.add(param);
  }
  return dropped;
}

/** The body fields that carry the thinking switch. */
export function thinkingFields(
  quirks: ProviderQuirks,
  reasoning: boolean | undefined,
): Record<string, unknown> {
  if (reasoning === undefined) return {};
  switch (quirks.thinkingSwitch) {
    case 'thinking-type':
      return { thinking: { type: reasoning ? 'enabled' : 'disabled' } };
    case 'enable-thinking':
      return { enable_thinking: reasoning };
    case 'none':
      return {};
  }
}
