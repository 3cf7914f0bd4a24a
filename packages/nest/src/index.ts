// Public API of @repo/nest: NestJS glue only (Spring Boot's AI auto-configuration, error
// handling, SSE and actuator health for the framework-free packages).
export { AI_TUNING_ENV_VARS, AiConfigError, parseAiConfig } from './ai-config.js';
export type { AiConfig, AiConfigIssue, Env } from './ai-config.js';
export { AiExceptionFilter } from './ai-exception-filter.js';
export {
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiServiceUnavailableResponse,
  ApiTags,
  serveApiDocs,
} from './api-docs.js';
export type { ApiDocsOptions } from './api-docs.js';
export { AiHealthIndicator } from './ai-health-indicator.js';
export { HealthEndpoint } from './health-endpoint.js';
export { databaseUrlVar, hostVar, portVar, wholeNumberVar } from './env-fields.js';
export { configError, parseEnvConfig, readEnvFor } from './parse-env-config.js';
export type { HealthEndpointOptions } from './health-endpoint.js';
export type { AiHealthCheckOptions } from './ai-health-indicator.js';
export { AiModule } from './ai-module.js';
export type { AiModuleOptions } from './ai-module-options.js';
export type { AiModuleAsyncOptions } from './ai-module-definition.js';
export { describeModelChoice, LOCAL_MODEL_NOTICE } from './ai-providers.js';
export {
  AI_CHAT_CLIENT,
  AI_CHAT_CLIENTS,
  AI_CONFIG,
  AI_EMBEDDING_MODEL,
  AI_MODEL_REGISTRY,
  AI_MODULE_OPTIONS,
  AI_TOKEN_USAGE,
} from './ai-tokens.js';
export { lazyChatModel, lazyEmbeddingModel } from './lazy-models.js';
export { createLazyResource } from './lazy-resource.js';
export type { LazyResource, LazyResourceOptions } from './lazy-resource.js';
export { CLIENT_CLOSED_REQUEST, STATUS_BY_KIND, toHttpError } from './map-error.js';
export type { ErrorBody, MappedError } from './map-error.js';
export { createObservableTokenUsage } from './observable-token-usage.js';
export type { ObservableTokenUsage, TokenUsageListener } from './observable-token-usage.js';
export { toSseEvents } from './sse-events.js';
export type { ChatSseEvent, ChatStreamSource, SseOptions } from './sse-events.js';
export { createValidationPipe, ZodValidationPipe } from './validation-pipe.js';
export { formatSseEvent, writeSse } from './write-sse.js';
export type { SseResponse } from './write-sse.js';
export { checkPortFree, describeBootError, startNestApp } from './start-nest-app.js';
export { configureNestApp, defineConfigureApp, requestQueueOf } from './configure-nest-app.js';
export { APP_CONFIG, AppConfigModule, parseOnce } from './app-config-module.js';
export { HealthModule } from './health-module.js';
export type { HealthModuleOptions, HealthProbe } from './health-module.js';
export { AppShellModule } from './app-shell-module.js';
export type { AppShellModuleOptions } from './app-shell-module.js';
export type { AppShellOptions } from './configure-nest-app.js';
export {
  booleanVar,
  checkExposure,
  DEFAULT_MAX_IN_FLIGHT,
  DEFAULT_MAX_QUEUED,
  DEFAULT_SERVER_SETTINGS,
  isLoopbackHost,
  serverVars,
} from './server-config.js';
export type { ServerSettings } from './server-config.js';
export { tokenMatches } from './api-token-guard.js';
export { describeErrorFrames, describeErrorKind } from './describe-error-for-log.js';
export type { StartNestAppOptions } from './start-nest-app.js';
// An app's Vite-built web page at `/`: strict CSP, cache headers, SPA fallback.
export { WebPageModule } from './web-page/web-page.module.js';
export { WEB_PAGE_CSP } from './web-page/serve-web-page.js';
