// Ingestion: uploads (multer with the configured limits), paths under the ingest root, the seed's
// embedding_test route.
import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import type { AppConfig } from '../app-config.js';
import { APP_CONFIG } from '../vectors/vector-tokens.js';
import { IngestController } from './ingest.controller.js';
import { IngestService } from './ingest.service.js';
import { multerOptions } from './upload-limits.js';

@Module({
  imports: [
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => multerOptions(config),
    }),
  ],
  controllers: [IngestController],
  providers: [IngestService],
})
export class IngestModule {}
