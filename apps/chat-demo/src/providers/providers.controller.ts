// GET /api/providers: which providers are configured and which models they use. Never a key:
// the registry's description only says whether one is set.
import { Controller, Get, Inject } from '@nestjs/common';
import { AI_MODEL_REGISTRY, ApiOperation, ApiTags } from '@repo/nest';
import type { ModelRegistry } from '@repo/providers';

@ApiTags('chat')
@Controller('api/providers')
export class ProvidersController {
  constructor(@Inject(AI_MODEL_REGISTRY) private readonly registry: ModelRegistry) {}

  @Get()
  @ApiOperation({ summary: 'Configured providers, default models, valid provider names' })
  list() {
    const described = this.registry.describe();
    return {
      defaultProvider: described.defaultProvider,
      defaultModel: described.defaultModel,
      defaultEmbeddingProvider: described.defaultEmbeddingProvider,
      defaultEmbeddingModel: described.defaultEmbeddingModel,
      configured: described.providers
        .filter((provider) => provider.configured)
        .map(({ name, baseURL, chatModel, embeddingModel }) => ({
          name,
          baseURL,
          chatModel,
          embeddingModel,
        })),
      available: described.providers.map((provider) => provider.name),
    };
  }
}
