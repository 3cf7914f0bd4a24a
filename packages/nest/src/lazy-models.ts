// Models that are created on first use, not at boot: an app that never chats never builds an SDK
// client or the embedded model (cold start matters; Spring AI builds every bean eagerly).
import type {
  ChatModel,
  ChatRequest,
  EmbeddingModel,
  EmbeddingRequest,
  ChatModelCapabilities,
} from '@repo/core';

export function lazyChatModel(create: () => ChatModel): ChatModel {
  let model: ChatModel | undefined;
  const get = () => (model ??= create());
  return {
    get provider() {
      return get().provider;
    },
    get modelId() {
      return get().modelId;
    },
    get capabilities(): ChatModelCapabilities | undefined {
      return get().capabilities;
    },
    call: (request: ChatRequest) => get().call(request),
    stream: (request: ChatRequest) => get().stream(request),
  };
}

export function lazyEmbeddingModel(create: () => EmbeddingModel): EmbeddingModel {
  let model: EmbeddingModel | undefined;
  const get = () => (model ??= create());
  return {
    get provider() {
      return get().provider;
    },
    get modelId() {
      return get().modelId;
    },
    get dimensions() {
      return get().dimensions;
    },
    get maxBatchSize() {
      return get().maxBatchSize;
    },
    embed: (request: EmbeddingRequest) => get().embed(request),
  };
}
