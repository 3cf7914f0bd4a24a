// Cited answers (Spring AI's QuestionAnswerAdvisor on a ChatClient). The seed searched the store by
// hand and then again through the advisor, with a second, conflicting system prompt; here the
// advisor is the only retrieval, once per question, and its documents become the citations.
// Retrieval is hybrid by default (RAG_SEARCH_MODE), reranked by a hosted chat model (RAG_RERANK),
// and each document is numbered with its citation's number in the prompt.
import { Inject, Injectable, type MessageEvent } from '@nestjs/common';
import type { ChatClient, PromptSpec } from '@repo/chat';
import { AI_CHAT_CLIENT, AI_MODEL_REGISTRY, APP_CONFIG, toSseEvents } from '@repo/nest';
import type { ModelRegistry } from '@repo/providers';
import {
  citeSources,
  createListwiseReranker,
  createQuestionAnswerAdvisor,
  parseFilter,
  RAG_CONTEXT_KEYS,
  readCitations,
  type Citation,
  type RetrievalResult,
  type ScoredDocument,
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
    @Inject(AI_MODEL_REGISTRY) private readonly registry: ModelRegistry,
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
      mode: this.config.RAG_SEARCH_MODE,
      formatDocument: numberBySource(),
      ...(this.reranks()
        ? { documentPostProcessors: [createListwiseReranker({ chatModel: this.registry.chat() })] }
        : {}),
      ...(onRetrieved ? { onRetrieved } : {}),
    });
    const spec = this.chat.prompt(input.question).advisors(advisor);
    return filter ? spec.advisorContext({ [RAG_CONTEXT_KEYS.filter]: filter }) : spec;
  }

  private reranks(): boolean {
    const setting = this.config.RAG_RERANK;
    return setting === 'on' || (setting === 'auto' && this.registry.defaultProvider !== 'local');
  }
}

/**
 * Each document in the prompt starts with `[n]`, n its citation's number (chunks of one source,
 * page and section share one), so an answer's fragments can be traced to the citations listed.
 */
function numberBySource(): (document: ScoredDocument) => string {
  const numbers = new Map<string, number>();
  return (document) => {
    const citation = citeSources([document])[0]!;
    const key = JSON.stringify([citation.source, citation.page, citation.section]);
    if (!numbers.has(key)) numbers.set(key, numbers.size + 1);
    return `[${numbers.get(key)}] ${document.text}`;
  };
}
