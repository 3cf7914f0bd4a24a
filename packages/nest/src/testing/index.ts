// `@repo/nest/testing`: helpers for apps' e2e tests: booting the app, and reading SSE routes.
export { bufferText, parseSse } from './sse-client.js';
export type { SseRecord } from './sse-client.js';
export { createNestTestApp, localLlmOf, modelRegistryOf } from './create-nest-test-app.js';
export type { NestTestAppOptions } from './create-nest-test-app.js';
export { embeddedModelEnv } from './embedded-model-env.js';
