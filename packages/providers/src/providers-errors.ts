// Errors specific to provider configuration. They extend core's hierarchy so the app's one error
// filter still maps them by kind (all three are the caller's choice of provider: invalid_input, 400).
import { AiError, InvalidInputError } from '@repo/core';

/** A provider name that is not one of the presets (a typo in AI_PROVIDER, `chat('deepsek')`). */
export class UnknownProviderError extends InvalidInputError {
  readonly providerName: string;
  readonly validNames: readonly string[];

  constructor(providerName: string, validNames: readonly string[], field = 'provider') {
    super(
      `Unknown provider "${providerName}". Valid providers: ${validNames.join(', ')}.`,
      [{ field, reason: `must be one of ${validNames.join(', ')}` }],
      { code: 'unknown_provider' },
    );
    this.providerName = providerName;
    this.validNames = validNames;
  }
}

/** The provider cannot do what was asked (DeepSeek and Moonshot have no embeddings endpoint). */
export class UnsupportedCapabilityError extends AiError {
  readonly provider: string;
  readonly capability: string;

  constructor(provider: string, capability: string, message?: string) {
    super(message ?? `Provider "${provider}" does not support ${capability}.`, {
      code: 'unsupported_capability',
      kind: 'invalid_input',
      details: [
        { field: 'provider', reason: message ?? `${provider} does not support ${capability}` },
      ],
    });
    this.provider = provider;
    this.capability = capability;
  }
}

/** A provider was asked for but the environment does not configure it; names what to set. */
export class ProviderNotConfiguredError extends AiError {
  readonly provider: string;
  readonly missingVariables: readonly string[];

  constructor(provider: string, missingVariables: readonly string[], reason?: string) {
    super(
      `Provider "${provider}" is not configured${reason ? ` (${reason})` : ''}. Set ${missingVariables.join(' and ')}.`,
      {
        code: 'provider_not_configured',
        kind: 'invalid_input',
        details: missingVariables.map((variable) => ({
          field: 'provider',
          reason: `set ${variable}`,
        })),
      },
    );
    this.provider = provider;
    this.missingVariables = missingVariables;
  }
}
