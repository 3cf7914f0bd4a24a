// Public API of @repo/local-llm: the embedded, deterministic OpenAI-compatible stand-in model.
export { createLocalLlm } from './local-llm.js';
export { startLocalLlmServer } from './node-server.js';
export type { LocalLlmServerOptions } from './node-server.js';
export type {
  FaultConfig,
  LocalLlm,
  LocalLlmOptions,
  LocalLlmServer,
  RecordedRequest,
  RequestCounts,
  ScriptedReply,
} from './types.js';
