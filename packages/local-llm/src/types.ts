// Public types of local-llm: the options, the scripted replies and faults of the control API, and
// the recorded requests tests read back.

/** One queued reply, returned exactly by the next chat completion (stream or not). */
export interface ScriptedReply {
  content?: string;
  reasoning?: string;
  toolCalls?: { id?: string; name: string; arguments: string | Record<string, unknown> }[];
  usage?: { promptTokens?: number; completionTokens?: number };
  finishReason?: 'stop' | 'length' | 'tool_calls' | 'content_filter';
  /** Answer with this HTTP error instead of a completion. */
  error?: { status: number; message?: string; type?: string; code?: string; retryAfter?: number };
}

/** Fault injection for chat and embedding requests. Setting it replaces the previous config. */
export interface FaultConfig {
  /** Milliseconds to wait before the response starts. */
  latencyMs?: number;
  /** Milliseconds between stream chunks. */
  tokenLatencyMs?: number;
  /** Answer with this HTTP status (an OpenAI error body). */
  status?: number;
  message?: string;
  /** Seconds, sent as the Retry-After header with `status`. */
  retryAfter?: number;
  /** Streams: close the connection abruptly after N data frames, no [DONE]. */
  cutAfterChunks?: number;
  /** Streams: the Nth data frame (1-based) is invalid JSON. */
  malformedChunkAt?: number;
  /** Apply to the next N chat/embedding requests, then clear. Omitted: until reset. */
  times?: number;
}

export interface RecordedRequest {
  id: string;
  method: string;
  path: string;
  /** Parsed JSON body; the raw text when it is not JSON; null without a body. */
  body: unknown;
  /** True when the client went away before the response was complete. */
  aborted: boolean;
  /** ISO timestamp. */
  at: string;
}

/** Chat and embedding requests received (faulted and aborted ones included), by path. */
export interface RequestCounts {
  total: number;
  /** `{ "/v1/embeddings": 3 }`: only paths that were requested. */
  byPath: Record<string, number>;
}

export interface LocalLlmOptions {
  /** Serve `/_local/*` (in-process default true; `startLocalLlmServer` default false). */
  control?: boolean;
  /** Replies queued at start, as if posted to `/_local/script`. */
  script?: ScriptedReply[];
  /** Faults active at start, as if posted to `/_local/faults`. */
  faults?: FaultConfig;
  /** Default embedding size when a request has no `dimensions` (384). */
  embeddingDimensions?: number;
  /**
   * Trained checkpoints (@repo/trainer) answering chat completions under their model id: id →
   * checkpoint folder. Added to LOCAL_LLM_TRAINED_MODELS's entries (`id=dir,id2=dir2`); an id in
   * both takes the folder given here. Each loads on its first request.
   */
  trainedModels?: Record<string, string>;
  /**
   * Fine-tuning's data folder (uploaded files, job records, runs): LOCAL_LLM_DATA_DIR, else a
   * temporary folder per instance, removed on close. With a folder set, its jobs resume at start.
   */
  dataDir?: string;
  /** Largest upload to `/v1/files`, in bytes (LOCAL_LLM_MAX_FILE_BYTES; default 32 MiB). */
  maxFileBytes?: number;
  /** Fine-tuning jobs training at once; the rest wait queued (LOCAL_LLM_FINE_TUNING_CONCURRENCY; 1). */
  fineTuningConcurrency?: number;
  /** Where the LOCAL_LLM_* variables are read, when createLocalLlm runs (default `process.env`). */
  env?: Record<string, string | undefined>;
}

export interface LocalLlm {
  /** Web-standard handler for every route (`/v1/*` and `/_local/*`). Never throws. */
  handler(request: Request): Promise<Response>;
  /** In-process `fetch` for the openai SDK's `fetch` option: no port, honours `init.signal`. */
  fetch: typeof fetch;
  /** `http://local-llm.internal/v1`: any host works with `fetch`. */
  baseURL: string;
  script(replies: ScriptedReply[]): void;
  faults(config: FaultConfig): void;
  requests(): RecordedRequest[];
  /** Exact counts since the start or the last reset (the log above keeps only the last 1000). */
  requestCounts(): RequestCounts;
  reset(): void;
  /**
   * Stops fine-tuning jobs after their current step, with a checkpoint (they stay `running` in the
   * data folder and resume at the next start). The server's close() calls it.
   */
  close(): Promise<void>;
}

export interface LocalLlmServer {
  /** `http://<host>:<port>` */
  url: string;
  /** `http://<host>:<port>/v1` */
  baseURL: string;
  port: number;
  llm: LocalLlm;
  close(): Promise<void>;
}
