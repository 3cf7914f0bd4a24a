// The app: @repo/nest's shell (config, validation, the one error filter, /health with the
// feedback store's probe), AiModule (models from the env, the embedded model without a key), the
// shared stores, FeedbackModule (thumbs, ratings, corrections), campaigns, the annotator's API
// and results, and the labelling page at /. Everything is a provider, so e2e
// tests run the same graph as main.ts.
import { Module } from '@nestjs/common';
import { AiModule, AppShellModule } from '@repo/nest';
import { FeedbackModule } from '@repo/nest/feedback';
import { AnnotationModule } from './annotation/annotation.module.js';
import { parseAppConfig } from './app-config.js';
import { CampaignsModule } from './campaigns/campaigns.module.js';
import { CommonModule } from './common/common.module.js';
import { FeedbackDataProbe } from './common/feedback-data.probe.js';
import { FeedbackDataService } from './common/feedback-data.service.js';
import { ResultsModule } from './results/results.module.js';
import { WebModule } from './web/web.module.js';

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
    // Thumbs, ratings and corrections on any recorded answer (a campaign's candidates are
    // recorded by the campaign store), on the app's own database.
    FeedbackModule.forRootAsync({
      imports: [CommonModule],
      inject: [FeedbackDataService],
      useFactory: (data: FeedbackDataService) => ({
        database: async () => (await data.data()).database,
        targets: 'store',
      }),
    }),
    CampaignsModule,
    AnnotationModule,
    ResultsModule,
    // Last: the labelling page answers only what no route above did.
    WebModule,
  ],
})
export class AppModule {}
