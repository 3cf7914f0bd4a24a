// A deterministic EmbeddingModel for unit tests: bag-of-words feature hashing, L2-normalised, so
// texts sharing words are closer than texts that do not. Records every request.
import type { EmbeddingModel, EmbeddingRequest, EmbeddingResponse } from '../embedding-model.js';

export interface MockEmbeddingModelOptions {
  dimensions?: number;
  provider?: string;
  modelId?: string;
  /** Replace the default embedding function. */
  embed?: (text: string) => number[];
}

export class MockEmbeddingModel implements EmbeddingModel {
  readonly provider: string;
  readonly modelId: string;
  readonly dimensions: number;
  readonly requests: EmbeddingRequest[] = [];

  constructor(private readonly options: MockEmbeddingModelOptions = {}) {
    this.provider = options.provider ?? 'mock';
    this.modelId = options.modelId ?? 'mock-embedding';
    this.dimensions = options.dimensions ?? 16;
  }

  async embed(request: EmbeddingRequest): Promise<EmbeddingResponse> {
    this.requests.push(request);
    const dimensions = request.dimensions ?? this.dimensions;
    const embeddings = request.input.map((text) =>
      this.options.embed ? this.options.embed(text) : hashEmbedding(text, dimensions),
    );
    const tokens = request.input.reduce((sum, text) => sum + words(text).length, 0);
    return {
      embeddings,
      provider: this.provider,
      model: request.model ?? this.modelId,
      usage: { promptTokens: tokens, totalTokens: tokens },
    };
  }
}

// Latin words, or single CJK characters (Chinese has no spaces between words).
function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}]+/gu) ?? []
  );
}

function hashEmbedding(text: string, dimensions: number): number[] {
  const vector: number[] = new Array<number>(dimensions).fill(0);
  for (const word of words(text)) {
    let hash = 0x811c9dc5;
    for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
    const index = (hash >>> 0) % dimensions;
    vector[index] = (vector[index] ?? 0) + 1;
  }
  const norm = Math.hypot(...vector) || 1;
  return vector.map((value) => value / norm);
}
