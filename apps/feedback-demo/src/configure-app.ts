// What main.ts and the e2e tests both apply to the app: @repo/nest's app shell (security headers,
// request admission with 429 + Retry-After, 415 for a body that is not JSON, the JSON body limit
// with 413 beyond, Swagger UI at /docs). The API and the labelling page have their own access
// rules (FEEDBACK_ADMIN_TOKEN and invites): a browser following an invite link cannot send
// API_TOKEN, so that token does not apply to them.
import { defineConfigureApp } from '@repo/nest';

/** A campaign of 2,000 prompts of a few KB each fits; one more is a 413. */
export const JSON_BODY_LIMIT = '8mb';

export const configureApp = defineConfigureApp({
  title: 'feedback-demo',
  description:
    'RLHF feedback collection: pairwise labelling campaigns over generated candidates, thumbs, ratings and corrections, agreement, leaderboards and training-data exports',
  jsonLimit: JSON_BODY_LIMIT,
  ownAuth: ['/api/feedback', '/', '/assets', '/favicon.svg'],
});
