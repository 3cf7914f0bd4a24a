// The app: @repo/nest's shell (config, validation, the one error filter, /health), AiModule whose
// `local` provider is the app's own local-llm (so fine-tuned `ft:tiny-gpt:…` ids chat at once),
// backends, datasets, jobs, chat, compare, and the web page at /. Everything is a provider, so e2e
// tests run the same graph as main.ts.
import { Module } from '@nestjs/common';
import { AiModule, AppShellModule } from '@repo/nest';
import { parseAppConfig } from './app-config.js';
import { BackendsController } from './backends/backends.controller.js';
import { ChatModule } from './chat/chat.module.js';
import { CommonModule } from './common/common.module.js';
import { JobsProbe } from './common/jobs.probe.js';
import { CompareModule } from './compare/compare.module.js';
import { LocalLlmService } from './common/local-llm.service.js';
import { DatasetsModule } from './datasets/datasets.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { WebModule } from './web/web.module.js';

@Module({
  imports: [
    AppShellModule.forRoot({
      config: parseAppConfig,
      health: {
        summary: 'Health of the model and the jobs followed; `deep=true` calls the model',
        probes: { jobs: JobsProbe },
        imports: [CommonModule],
      },
    }),
    CommonModule,
    AiModule.forRootAsync({
      imports: [CommonModule],
      inject: [LocalLlmService],
      useFactory: (local: LocalLlmService) => ({ registry: { localLlm: local.llm } }),
    }),
    DatasetsModule,
    JobsModule,
    ChatModule,
    CompareModule,
    // Last: the web page answers only what no route above did.
    WebModule,
  ],
  controllers: [BackendsController],
})
export class AppModule {}
