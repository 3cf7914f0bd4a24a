// What main.ts and the e2e tests both apply to the app: @repo/nest's app shell (security headers,
// request admission with 429 + Retry-After, 415 for a body that is not JSON, the JSON body limit
// with 413 beyond, Swagger UI at /docs). Uploads are multipart and bounded by
// FINE_TUNING_MAX_UPLOAD_BYTES (datasets/upload-limits.ts), not by the JSON limit.
import { defineConfigureApp } from '@repo/nest';

/** Job and chat bodies are small; a prompt is at most 4,000 characters. */
export const JSON_BODY_LIMIT = '256kb';

export const configureApp = defineConfigureApp({
  title: 'fine-tuning-demo',
  description:
    'Fine-tuning jobs: dataset validation reports and estimates, jobs on the local trainer (or OpenAI, DashScope) followed live, chat side by side and a pairwise comparison',
  jsonLimit: JSON_BODY_LIMIT,
});
