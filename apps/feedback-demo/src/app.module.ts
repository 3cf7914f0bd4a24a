// The app: @repo/nest's shell (config, validation, the one error filter, /health with the
// feedback store's probe), AiModule (models from the env, the embedded model without a key), the
// shared stores, campaigns, the annotator's API and results. Everything is a provider, so e2e
// tests run the same graph as main.ts.
import { Module } from '@nestjs/common';
import { AiModule, AppShellModule } from '@repo/nest';
import { AnnotationModule } from './annotation/annotation.module.js';
import { parseAppConfig } from './app-config.js';
import { CampaignsModule } from './campaigns/campaigns.module.js';
import { CommonModule } from './common/common.module.js';
import { FeedbackDataProbe } from './common/feedback-data.probe.js';
import { ResultsModule } from './results/results.module.js';

@Module({
  imports: [
    AppShellModule.forRoot({
      config: parseAppConfig,
      health: {
        summary: 'Health of the model and the feedback store; `deep=true` calls the model',
        probes: { feedback: FeedbackDataProbe },
        imports: [CommonModule],
      },
    }),
    AiModule.forRoot(),
    CommonModule,
    CampaignsModule,
    AnnotationModule,
    ResultsModule,
  ],
})
export class AppModule {}
