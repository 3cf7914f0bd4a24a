// describe(): what the registry resolved, for /health pages and boot logs. Never a secret: keys
// become `apiKeySet`, and credentials embedded in a base URL are stripped.
import { PROVIDER_NAMES, PROVIDER_PRESETS, type ProviderName } from './presets.js';
import { providerEnvVars, readEnv, type Env } from './provider-env.js';

export interface ProviderDescription {
  name: ProviderName;
  configured: boolean;
  baseURL: string;
  chatModel: string | undefined;
  embeddingModel: string | undefined;
  hasEmbeddings: boolean;
  /** Whether a key is set; never the key. */
  apiKeySet: boolean;
}

export interface RegistryDescription {
  defaultProvider: ProviderName;
  defaultModel: string | undefined;
  defaultEmbeddingProvider: ProviderName;
  defaultEmbeddingModel: string | undefined;
  providers: ProviderDescription[];
}

export function describeRegistry(
  env: Env,
  configured: ProviderName[],
  defaultProvider: ProviderName,
  defaultEmbeddingProvider: ProviderName,
): RegistryDescription {
  const providers = PROVIDER_NAMES.map((name): ProviderDescription => {
    const preset = PROVIDER_PRESETS[name];
    const vars = providerEnvVars(name);
    const local = name === 'local';
    return {
      name,
      configured: configured.includes(name),
      baseURL: withoutCredentials((!local && readEnv(env, vars.baseURL)) || preset.baseURL),
      chatModel: (!local && readEnv(env, vars.model)) || preset.defaultChatModel,
      embeddingModel: preset.hasEmbeddings
        ? (!local && readEnv(env, vars.embeddingModel)) || preset.defaultEmbeddingModel
        : undefined,
      hasEmbeddings: preset.hasEmbeddings,
      apiKeySet: !local && readEnv(env, vars.apiKey) !== undefined,
    };
  });
  const find = (name: ProviderName) => providers.find((p) => p.name === name);
  return {
    defaultProvider,
    defaultModel: readEnv(env, 'AI_MODEL') ?? find(defaultProvider)?.chatModel,
    defaultEmbeddingProvider,
    defaultEmbeddingModel:
      readEnv(env, 'EMBEDDING_MODEL') ?? find(defaultEmbeddingProvider)?.embeddingModel,
    providers,
  };
}

/** A base URL may carry `user:pass@`; describe() output ends up in logs and /health. */
function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}
