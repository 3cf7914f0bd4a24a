export {
  AbortedError,
  AiError,
  AuthenticationError,
  InvalidInputError,
  isRetryableError,
  MissingApiKeyError,
  OverloadedError,
  ProviderError,
  ProviderUnavailableError,
  RateLimitError,
  TimeoutError,
  withDetails,
} from './ai-errors.js';
export type {
  AiErrorOptions,
  ErrorKind,
  InvalidInputDetail,
  ProviderErrorOptions,
} from './ai-errors.js';
export { CHAT_CONTEXT_KEYS, sortAdvisors } from './advisor.js';
export type {
  AdvisedRequest,
  AdvisedResponse,
  Advisor,
  CallAdvisorNext,
  StreamAdvisorNext,
} from './advisor.js';
export { addUsage, emptyUsage } from './chat-model.js';
export type {
  ChatModel,
  ChatModelCapabilities,
  ChatOptions,
  ChatRequest,
  ChatResponse,
  ChatStreamEvent,
  FinishReason,
  JsonSchema,
  ResponseFormat,
  ToolChoice,
  ToolDefinition,
  Usage,
} from './chat-model.js';
export { collectStream, textStream } from './collect-stream.js';
export {
  describeSchemaIssue,
  describeSchemaIssues,
  formatIssuePath,
} from './describe-schema-issues.js';
export type {
  DescribeSchemaIssuesOptions,
  SchemaIssue,
  SchemaIssueReason,
} from './describe-schema-issues.js';
export type { EmbeddingModel, EmbeddingRequest, EmbeddingResponse } from './embedding-model.js';
export { loadApiKey } from './load-api-key.js';
export type { LoadApiKeyOptions } from './load-api-key.js';
export {
  assistantMessage,
  reasoningOf,
  systemMessage,
  textOf,
  toolCallsOf,
  toolMessage,
  userMessage,
} from './message.js';
export type {
  AssistantMessage,
  ImagePart,
  Message,
  MessagePart,
  MessageRole,
  ReasoningPart,
  SystemMessage,
  TextPart,
  ToolCallPart,
  ToolMessage,
  ToolResultPart,
  UserMessage,
} from './message.js';
export { declineToolCall, runToolCalls } from './run-tool-calls.js';
export { sleep } from './sleep.js';
export { createWorkQueue } from './work-queue.js';
export type { WorkQueue, WorkQueueOptions, WorkQueueRunOptions } from './work-queue.js';
export type { AnyTool, RunToolCallsOptions } from './run-tool-calls.js';
export { toToolDefinition } from './tool.js';
export type { Tool, ToolExecutionContext } from './tool.js';
export { wilsonInterval, Z_95 } from './wilson-interval.js';
export { createRandom } from './seeded-random.js';
export type { Random } from './seeded-random.js';
export { toOpenAIChatMessages } from './openai-chat-messages.js';
export type {
  OpenAIChatMessage,
  OpenAIToolCall,
  OpenAIUserContentPart,
} from './openai-chat-messages.js';
