// Canned API answers for the page's browser tests that route requests (playwright's page.route):
// a dataset, the backends and a job, in the contract's shapes, and a job whose status an action
// changes and whose event stream a test writes.
import type { Page, Route } from 'playwright-core';

const summary = { p50: 1, p95: 1, max: 1 };
export const DATASET = {
  id: 'ds-1',
  filename: 'train.jsonl',
  bytes: 10,
  createdAt: '2026-01-01T00:00:00Z',
  format: 'sft',
  ok: true,
  issues: [],
  issuesTotal: 0,
  stats: {
    examples: 40,
    messages: summary,
    tokens: summary,
    assistantTokens: summary,
    truncated: 0,
    roles: { user: 40 },
    toolUse: 0,
    duplicates: 0,
  },
  estimate: null,
};
export const BACKENDS = {
  default: 'local-llm',
  backends: [{ name: 'local-llm', configured: true, baseModels: ['tiny-gpt'] }],
};
export const job = (status: string) => ({
  id: 'job-1',
  backend: 'local-llm',
  status,
  rawStatus: status,
  model: 'tiny-gpt',
  fineTunedModel: null,
  alias: null,
  error: null,
  createdAt: '2026-01-01T00:00:00Z',
  finishedAt: null,
  trainingDataset: 'ds-1',
  validationDataset: null,
  method: 'supervised',
  lastMetrics: null,
});

export const json = (route: Route, body: unknown, status = 200) =>
  route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });

/** One server-sent event, as the app writes it. */
export const sseEvent = (event: string, data: unknown) =>
  `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * job-1 in `status` until an action answers with another, with no metrics to GET; its event
 * stream is `events` (then ends) or fails at once.
 */
export async function routeJob(page: Page, initial: string, events?: string): Promise<void> {
  let status = initial;
  const api = '**/api/fine-tuning/jobs/job-1';
  await page.route(`${api}/metrics`, (route) => json(route, { points: [] }));
  await page.route(`${api}/events`, (route) =>
    events === undefined
      ? route.abort()
      : route.fulfill({ status: 200, contentType: 'text/event-stream', body: events }),
  );
  await page.route(api, (route) => json(route, job(status)));
  await page.route(`${api}/pause`, (route) => json(route, job((status = 'paused'))));
}
