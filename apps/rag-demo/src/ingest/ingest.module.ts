// Ingestion: uploads (multer with the configured limits, the request's size checked from its
// Content-Length first), paths under the ingest root, the seed's embedding_test; large ingests run
// as jobs (JobsModule).
import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG } from '@repo/nest';
import type { AppConfig } from '../app-config.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { IngestController } from './ingest.controller.js';
import { IngestService } from './ingest.service.js';
import { RequestSizeMiddleware } from './request-size.middleware.js';
import { multerOptions } from './upload-limits.js';

@Module({
  imports: [
    JobsModule,
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => multerOptions(config),
    }),
  ],
  controllers: [IngestController],
  providers: [IngestService, RequestSizeMiddleware],
})
export class IngestModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(RequestSizeMiddleware)
      .forRoutes({ path: 'api/rag/documents', method: RequestMethod.POST });
  }
}
