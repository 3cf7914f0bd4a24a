// The app: @repo/nest's shell (config, validation, the one error filter, /health with the vector
// store's probe), AiModule (models from the env, embedded model and embeddings without a key),
// the vector store, ingestion, search and cited answers. Everything is a provider, so e2e tests
// run the same graph as main.ts.
import { Module } from '@nestjs/common';
import { AiModule, AppShellModule } from '@repo/nest';
import { parseAppConfig } from './app-config.js';
import { AskModule } from './ask/ask.module.js';
import { IngestModule } from './ingest/ingest.module.js';
import { SearchModule } from './search/search.module.js';
import { VectorStoreProbe } from './vectors/vector-store.probe.js';
import { VectorsModule } from './vectors/vectors.module.js';

@Module({
  imports: [
    AppShellModule.forRoot({
      config: parseAppConfig,
      health: {
        summary: 'Health of the model and the vector store; `deep=true` calls the model',
        probes: { storage: VectorStoreProbe },
      },
    }),
    AiModule.forRoot(),
    VectorsModule,
    IngestModule,
    SearchModule,
    AskModule,
  ],
})
export class AppModule {}
