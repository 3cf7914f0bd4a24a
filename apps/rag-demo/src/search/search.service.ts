// Similarity search and deletion on the app's store (the seed's VectorStoreStorage.search and
// delete). Filters are parsed here, before the store opens or the query is embedded, so a syntax
// error costs nothing and answers 400 with its position.
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@repo/nest';
import { parseFilter, type ScoredDocument } from '@repo/rag';
import type { AppConfig } from '../app-config.js';
import { VectorStoreService } from '../vectors/vector-store.service.js';
import type { DeleteVectorsDto } from './dto/delete-vectors.dto.js';
import type { SearchDto } from './dto/search.dto.js';

@Injectable()
export class SearchService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(VectorStoreService) private readonly vectors: VectorStoreService,
  ) {}

  async search(input: SearchDto): Promise<{ results: ScoredDocument[] }> {
    const filter = input.filter === undefined ? undefined : parseFilter(input.filter);
    const store = await this.vectors.store();
    const results = await store.similaritySearch({
      query: input.query,
      topK: input.topK ?? this.config.RAG_TOP_K,
      threshold: input.threshold ?? 0,
      mode: input.mode ?? this.config.RAG_SEARCH_MODE,
      ...(input.weights ? { weights: input.weights } : {}),
      ...(input.minRelevance ? { minRelevance: input.minRelevance } : {}),
      ...(filter ? { filter } : {}),
    });
    return { results };
  }

  async delete(input: DeleteVectorsDto): Promise<{ deleted: number }> {
    // The DTO guarantees exactly one of the two.
    const target = input.ids ? { ids: input.ids } : { filter: parseFilter(input.filter ?? '') };
    const store = await this.vectors.store();
    return { deleted: await store.delete(target) };
  }
}
