// The one in-process local-llm of the app: its /v1/files and /v1/fine_tuning/jobs train the tiny
// GPT (jobs under the data folder resume after a restart) and the model registry's `local`
// provider chats through the same instance, so a fine-tuned `ft:tiny-gpt:…` id answers at once.
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createLocalLlm, type LocalLlm } from '@repo/local-llm';
import { AppDataService } from './app-data.service.js';

@Injectable()
export class LocalLlmService implements OnApplicationShutdown {
  readonly llm: LocalLlm;

  constructor(@Inject(AppDataService) private readonly data: AppDataService) {
    // No LOCAL_LLM_* variable from the shell: the app decides where its runs live.
    this.llm = createLocalLlm({ dataDir: data.localLlm, env: {} });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.llm.close();
    this.data.removeIfTemporary();
  }
}
