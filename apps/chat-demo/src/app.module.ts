// The app: @repo/nest's shell (config, validation, the one error filter, /health with the model),
// AiModule (models from the env, embedded model without a key), the seed's chat modules at their
// own paths, the clean /api/chat API, /api/providers, /metrics, and feedback on /api/chat's
// answers (/api/feedback, stored in DATABASE_URL). Everything is a provider, so e2e tests run the
// same graph as main.ts.
import { Module } from '@nestjs/common';
import { AiModule, APP_CONFIG, AppShellModule } from '@repo/nest';
import { FeedbackHealthProbe, FeedbackModule } from '@repo/nest/feedback';
import { parseAppConfig, type AppConfig } from './app-config.js';
import { ChatModule } from './chat/chat.module.js';
import { DeepseekModule } from './deepseek/deepseek.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { MultiChatModule } from './multi-chat/multi-chat.module.js';
import { ProviderChatModule } from './provider-chat/provider-chat.module.js';
import { ProvidersModule } from './providers/providers.module.js';

@Module({
  imports: [
    AppShellModule.forRoot({
      config: parseAppConfig,
      health: {
        summary: 'Health; `deep=true` makes one tiny model call',
        probes: { feedback: FeedbackHealthProbe },
      },
    }),
    AiModule.forRoot(),
    // First: express tries routes in the order they were registered, and /api/chat is the hot one.
    ChatModule,
    FeedbackModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ databaseUrl: config.DATABASE_URL }),
    }),
    MetricsModule,
    DeepseekModule,
    ProviderChatModule,
    MultiChatModule,
    ProvidersModule,
  ],
})
export class AppModule {}
