// @repo/trainer/serve: a trained checkpoint as a chat model, without TensorFlow.js (local-llm
// imports this subpath only when a request names a trained model).
export { toChatTurns } from './chat-messages.js';
export type { OpenAiChatMessage, OpenAiTextPart } from './chat-messages.js';
export { DEFAULT_SEED, loadTrainedChatModel, toSampleOptions } from './trained-chat-model.js';
export type {
  LoadTrainedChatModelOptions,
  TrainedChatModel,
  TrainedChatOptions,
  TrainedCompletion,
} from './trained-chat-model.js';
