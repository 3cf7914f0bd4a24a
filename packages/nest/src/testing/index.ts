// `@repo/nest/testing`: helpers for apps' e2e tests of SSE routes.
export { bufferText, parseSse } from './sse-client.js';
export type { SseRecord } from './sse-client.js';
