// The EmbeddingModel contract (Spring AI's EmbeddingModel): texts in, one vector per text out,
// in input order.

export interface EmbeddingRequest {
  input: string[];
  /** Output dimensions, for models that can shorten their vectors. */
  dimensions?: number;
  /** Overrides the model's default model id for this request. */
  model?: string;
  signal?: AbortSignal;
}

export interface EmbeddingResponse {
  embeddings: number[][];
  provider: string;
  model: string;
  usage: { promptTokens: number; totalTokens: number };
}

export interface EmbeddingModel {
  readonly provider: string;
  readonly modelId: string;
  /** Vector length when known before the first call. */
  readonly dimensions?: number;
  /** How many texts one request may carry; callers batch above it. */
  readonly maxBatchSize?: number;
  embed(request: EmbeddingRequest): Promise<EmbeddingResponse>;
}
