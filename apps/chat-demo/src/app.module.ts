// The app: AiModule (models from the env, embedded model without a key), the seed's chat modules
// at their own paths, the clean /api/chat API, /api/providers, /metrics and /health. Validation
// and the one error filter are global providers so e2e tests run the same graph as main.ts.
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AiExceptionFilter, AiModule, createValidationPipe } from '@repo/nest';
import { ChatModule } from './chat/chat.module.js';
import { DeepseekModule } from './deepseek/deepseek.module.js';
import { HealthModule } from './health/health.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { MultiChatModule } from './multi-chat/multi-chat.module.js';
import { ProviderChatModule } from './provider-chat/provider-chat.module.js';
import { ProvidersModule } from './providers/providers.module.js';

@Module({
  imports: [
    AiModule.forRoot(),
    MetricsModule,
    HealthModule,
    DeepseekModule,
    ProviderChatModule,
    MultiChatModule,
    ChatModule,
    ProvidersModule,
  ],
  providers: [
    { provide: APP_PIPE, useFactory: () => createValidationPipe() },
    { provide: APP_FILTER, useClass: AiExceptionFilter },
  ],
})
export class AppModule {}
