// `@repo/nest/testing`: helpers for apps' e2e tests: booting the app, and reading SSE routes.
export { bufferText, parseSse } from './sse-client.js';
export type { SseRecord } from './sse-client.js';
export { createNestTestApp, localLlmOf, modelRegistryOf } from './create-nest-test-app.js';
export type { NestTestAppOptions } from './create-nest-test-app.js';
export { embeddedModelEnv } from './embedded-model-env.js';
export { checkBadInputs } from './check-bad-inputs.js';
export type { BadInputOptions, BadInputReport } from './check-bad-inputs.js';
export { mutateRequest } from './bad-input-mutations.js';
export { feedbackSampleRequests } from './feedback-samples.js';
export type { Mutation, SampleRequest } from './bad-input-mutations.js';
export { bootChecks, portInUseMessage, runMain, runMainOnTakenPort } from './boot-checks.js';
export type { BootCheck, BootCheckOptions, BootResult } from './boot-checks.js';
export { freePort, spawnApp } from './spawn-app.js';
export type { SpawnedApp } from './spawn-app.js';
