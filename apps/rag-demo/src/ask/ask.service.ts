// Cited answers (Spring AI's QuestionAnswerAdvisor on a ChatClient). The seed searched the store by
// hand and then again through the advisor, with a second, conflicting system prompt; here the
// advisor is the only retrieval, once per question, and its documents become the citations.
import { Inject, Injectable, type MessageEvent } from '@nestjs/common';
import type { ChatClient, PromptSpec } from '@repo/chat';
import { AI_CHAT_CLIENT, APP_CONFIG, toSseEvents } from '@repo/nest';
import {
  createQuestionAnswerAdvisor,
  parseFilter,
  RAG_CONTEXT_KEYS,
  readCitations,
  type Citation,
  type RetrievalResult,
} from '@repo/rag';
import { Observable } from 'rxjs';
import type { AppConfig } from '../app-config.js';
import { VectorStoreService } from '../vectors/vector-store.service.js';

export interface AskAnswer {
  answer: string;
  citations: Citation[];
}

export interface AskInput {
  question: string;
  filter?: string;
}

@Injectable()
export class AskService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AI_CHAT_CLIENT) private readonly chat: ChatClient,
    @Inject(VectorStoreService) private readonly vectors: VectorStoreService,
  ) {}

  async ask(input: AskInput): Promise<AskAnswer> {
    const response = await (await this.prompt(input)).call();
    return { answer: response.content, citations: readCitations(response.context) };
  }

  /**
   * SSE: `retrieved` (the citations, before the model starts), then chat-demo's delta, usage and
   * done events. Preparing throws first, so a bad filter is a plain 400, not an error event.
   */
  async openStream(input: AskInput): Promise<Observable<MessageEvent>> {
    let retrieved: ((retrieval: RetrievalResult) => void) | undefined;
    const spec = await this.prompt(input, (retrieval) => retrieved?.(retrieval));
    return new Observable<MessageEvent>((subscriber) => {
      retrieved = ({ citations }) => subscriber.next({ type: 'retrieved', data: { citations } });
      const subscription = toSseEvents((signal) => spec.signal(signal).stream()).subscribe(
        subscriber,
      );
      return () => subscription.unsubscribe();
    });
  }

  private async prompt(
    input: AskInput,
    onRetrieved?: (retrieval: RetrievalResult) => void,
  ): Promise<PromptSpec> {
    const filter = input.filter === undefined ? undefined : parseFilter(input.filter);
    const advisor = createQuestionAnswerAdvisor({
      vectorStore: await this.vectors.store(),
      topK: this.config.RAG_TOP_K,
      ...(onRetrieved ? { onRetrieved } : {}),
    });
    const spec = this.chat.prompt(input.question).advisors(advisor);
    return filter ? spec.advisorContext({ [RAG_CONTEXT_KEYS.filter]: filter }) : spec;
  }
}
