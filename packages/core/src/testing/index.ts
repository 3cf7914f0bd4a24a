export { MockChatModel } from './mock-chat-model.js';
export type { MockChatModelOptions, MockReply, MockReplySpec } from './mock-chat-model.js';
export { MockEmbeddingModel } from './mock-embedding-model.js';
export type { MockEmbeddingModelOptions } from './mock-embedding-model.js';
export { simulateStream } from './simulate-stream.js';
export type { SimulateStreamOptions } from './simulate-stream.js';
