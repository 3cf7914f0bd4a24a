// The provider presets as one data table: base URL, default models, key variable and quirks per
// provider (Spring AI's per-provider auto-configuration properties, without one module each).
// Default model names follow each provider's documentation as of 2026-11-29; the comment on each
// says where the name comes from. `<P>_MODEL` / `<P>_EMBEDDING_MODEL` override them (config, not code).
import { DEFAULT_QUIRKS, type ProviderQuirks } from './quirks.js';

/** Hosted (and Ollama) providers in the order the registry picks a default from. */
export const CONFIGURABLE_PROVIDER_NAMES = [
  'openai',
  'deepseek',
  'qwen',
  'doubao',
  'zhipu',
  'moonshot',
  'ollama',
] as const;

export const PROVIDER_NAMES = [...CONFIGURABLE_PROVIDER_NAMES, 'local'] as const;

export type ProviderName = (typeof PROVIDER_NAMES)[number];

export interface ProviderPreset {
  name: ProviderName;
  /** Human name for error messages ("DeepSeek API key is missing"). */
  label: string;
  baseURL: string;
  /** Undefined when the provider has no usable default (Doubao: an Ark endpoint id). */
  defaultChatModel?: string;
  /** Whether the provider has an embeddings endpoint at all. */
  hasEmbeddings: boolean;
  defaultEmbeddingModel?: string;
  /** Vector length of the default embedding model. */
  embeddingDimensions?: number;
  /** Texts per embeddings request the provider accepts. */
  maxEmbeddingBatchSize?: number;
  /** `required`: a key must be set; `optional`: sent when set (Ollama cloud); `none`: never. */
  apiKey: 'required' | 'optional' | 'none';
  quirks: ProviderQuirks;
}

// Thinking models reject sampling parameters while thinking (DeepSeek: silently ignored or 400).
const DROP_SAMPLING = ['temperature', 'top_p', 'presence_penalty', 'frequency_penalty'] as const;

export const PROVIDER_PRESETS: Record<ProviderName, ProviderPreset> = {
  openai: {
    name: 'openai',
    label: 'OpenAI',
    baseURL: 'https://api.openai.com/v1',
    // gpt-5.4-mini (2026-03-17): the current small GPT-5 model in OpenAI's model list
    // (platform.openai.com/docs/models, mirrored in @ai-sdk/openai's OpenAIChatModelId).
    defaultChatModel: 'gpt-5.4-mini',
    hasEmbeddings: true,
    defaultEmbeddingModel: 'text-embedding-3-small',
    embeddingDimensions: 1536,
    maxEmbeddingBatchSize: 2048,
    apiKey: 'required',
    quirks: {
      ...DEFAULT_QUIRKS,
      maxTokensField: 'max_completion_tokens',
      // o-series and GPT-5 reasoning models answer 400 to sampling parameters.
      paramRules: [{ models: /^(o\d|gpt-5(?!-chat))/, drop: [...DROP_SAMPLING] }],
      embeddingEncoding: 'base64',
    },
  },
  deepseek: {
    name: 'deepseek',
    label: 'DeepSeek',
    baseURL: 'https://api.deepseek.com',
    // DeepSeek retired deepseek-chat / deepseek-reasoner on 2026-07-24 for deepseek-v4-flash (and
    // deepseek-v4-pro) with a `thinking` switch (api-docs.deepseek.com); the old names are aliases.
    defaultChatModel: 'deepseek-v4-flash',
    hasEmbeddings: false,
    apiKey: 'required',
    quirks: {
      ...DEFAULT_QUIRKS,
      thinkingSwitch: 'thinking-type',
      defaultReasoning: false,
      // Thinking mode answers 400 when a tool-call turn comes back without its reasoning_content.
      reasoningReplay: 'tool-call-turns',
      structuredOutput: 'json-object',
      paramRules: [{ whenReasoning: true, drop: [...DROP_SAMPLING] }],
      modelAliases: {
        'deepseek-chat': { model: 'deepseek-v4-flash', reasoning: false },
        'deepseek-reasoner': { model: 'deepseek-v4-flash', reasoning: true },
      },
    },
  },
  qwen: {
    name: 'qwen',
    label: 'Qwen (DashScope)',
    baseURL: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
    // qwen-plus: the stable alias used throughout Model Studio's OpenAI-compatible docs
    // (help.aliyun.com/zh/model-studio/deep-thinking), hybrid thinking via enable_thinking.
    defaultChatModel: 'qwen-plus',
    hasEmbeddings: true,
    // text-embedding-v4 (Model Studio text embedding docs), 1024 dimensions by default.
    defaultEmbeddingModel: 'text-embedding-v4',
    embeddingDimensions: 1024,
    maxEmbeddingBatchSize: 10,
    apiKey: 'required',
    quirks: {
      ...DEFAULT_QUIRKS,
      thinkingSwitch: 'enable-thinking',
      // "Most models only support streaming output" in thinking mode (Model Studio deep-thinking docs).
      thinkingNeedsStream: true,
      structuredOutput: 'json-object',
    },
  },
  doubao: {
    name: 'doubao',
    label: 'Doubao (Volcengine Ark)',
    baseURL: 'https://ark.cn-beijing.volces.com/api/v3',
    // No default: Ark addresses models by the endpoint id (ep-…) or model id you enabled in the
    // console, so DOUBAO_MODEL / DOUBAO_EMBEDDING_MODEL must be set.
    hasEmbeddings: true,
    maxEmbeddingBatchSize: 256,
    apiKey: 'required',
    quirks: { ...DEFAULT_QUIRKS, thinkingSwitch: 'thinking-type', structuredOutput: 'json-object' },
  },
  zhipu: {
    name: 'zhipu',
    label: 'Zhipu (BigModel)',
    baseURL: 'https://open.bigmodel.cn/api/paas/v4',
    // glm-5: the model in the chat-completions API reference (docs.bigmodel.cn/api-reference).
    defaultChatModel: 'glm-5',
    hasEmbeddings: true,
    // embedding-3 (docs.bigmodel.cn embedding guide), 2048 dimensions by default.
    defaultEmbeddingModel: 'embedding-3',
    embeddingDimensions: 2048,
    maxEmbeddingBatchSize: 64,
    apiKey: 'required',
    quirks: {
      ...DEFAULT_QUIRKS,
      // GLM streams usage in its last chunk unasked and does not take stream_options.
      streamUsage: false,
      thinkingSwitch: 'thinking-type',
      structuredOutput: 'json-object',
      paramRules: [{ drop: ['presence_penalty', 'frequency_penalty'] }],
    },
  },
  moonshot: {
    name: 'moonshot',
    label: 'Moonshot (Kimi)',
    baseURL: 'https://api.moonshot.cn/v1',
    // kimi-k2.6: the current K2 model (platform.moonshot.ai model list; kimi-k2-0905-preview,
    // kimi-k2-thinking and kimi-latest were discontinued in 2026).
    defaultChatModel: 'kimi-k2.6',
    hasEmbeddings: false,
    apiKey: 'required',
    quirks: {
      ...DEFAULT_QUIRKS,
      thinkingSwitch: 'thinking-type',
      // Kimi thinking models expect reasoning_content kept on tool-call turns, like DeepSeek.
      reasoningReplay: 'tool-call-turns',
      structuredOutput: 'json-object',
    },
  },
  ollama: {
    name: 'ollama',
    label: 'Ollama',
    baseURL: 'http://localhost:11434/v1',
    // Ollama has no default model. Its OpenAI-compatibility example uses gpt-oss:20b (a 13 GB
    // download); ours is the laptop-sized qwen3:0.6b that local-llm's README tells users to pull.
    defaultChatModel: 'qwen3:0.6b',
    hasEmbeddings: true,
    defaultEmbeddingModel: 'nomic-embed-text',
    embeddingDimensions: 768,
    apiKey: 'optional',
    quirks: { ...DEFAULT_QUIRKS },
  },
  local: {
    name: 'local',
    label: 'local-llm',
    baseURL: 'http://local-llm.internal/v1',
    defaultChatModel: 'local',
    hasEmbeddings: true,
    defaultEmbeddingModel: 'local-embedding',
    embeddingDimensions: 384,
    apiKey: 'none',
    quirks: { ...DEFAULT_QUIRKS, embeddingEncoding: 'base64' },
  },
};

export function isProviderName(name: string): name is ProviderName {
  return (PROVIDER_NAMES as readonly string[]).includes(name);
}
