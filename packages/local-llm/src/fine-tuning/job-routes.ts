// `/v1/fine_tuning/jobs[/{id}[/events|/checkpoints|/cancel|/pause|/resume]]` in OpenAI's shapes:
// lists are cursor pages, newest first (`after`, `limit`), jobs filtered by `metadata[key]=value`.
import { errorResponse, failInvalid, jsonResponse } from '../openai-errors.js';
import { parseJobRequest } from './job-request.js';
import type { JobRecord } from './job-records.js';
import type { JobService } from './job-service.js';
import { cursorPage } from './pagination.js';

/** `metadata[team]=ml&metadata[run]=3` → {team: 'ml', run: '3'}. */
function metadataFilter(query: URLSearchParams): [string, string][] {
  const filter: [string, string][] = [];
  for (const [key, value] of query) {
    const match = /^metadata\[(.+)\]$/.exec(key);
    if (match?.[1] !== undefined) filter.push([match[1], value]);
  }
  return filter;
}

const matches = (record: JobRecord, filter: [string, string][]) =>
  filter.every(([key, value]) => record.job.metadata?.[key] === value);

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    failInvalid('The request body must be valid JSON.', 'body');
  }
}

const ACTIONS = ['cancel', 'pause', 'resume'] as const;

export async function handleJobs(
  jobs: JobService,
  request: Request,
  parts: string[],
): Promise<Response> {
  const { method } = request;
  const query = new URL(request.url).searchParams;
  const [id, sub, ...rest] = parts;
  const wrongMethod = (allowed: string) =>
    errorResponse(405, `Use ${allowed} on ${new URL(request.url).pathname}.`, {
      headers: { allow: allowed },
    });
  if (id === undefined) {
    if (method === 'POST')
      return jsonResponse(await jobs.create(parseJobRequest(await readJson(request))));
    if (method !== 'GET') return wrongMethod('GET, POST');
    const filter = metadataFilter(query);
    const list = jobs
      .list()
      .filter((record) => matches(record, filter))
      .map((r) => r.job);
    return jsonResponse(cursorPage(list, query, { fallback: 20, max: 100 }));
  }
  if (rest.length > 0)
    return errorResponse(404, `Unknown route: ${method} ${new URL(request.url).pathname}`);
  const action = ACTIONS.find((name) => name === sub);
  if (action) {
    if (method !== 'POST') return wrongMethod('POST');
    return jsonResponse(await jobs[action](id));
  }
  if (method !== 'GET') return wrongMethod('GET');
  const record = jobs.get(id);
  if (sub === undefined) return jsonResponse(record.job);
  if (sub === 'events') {
    const events = [...jobs.events(id)].reverse();
    return jsonResponse(cursorPage(events, query, { fallback: 20, max: 1000 }));
  }
  if (sub === 'checkpoints') {
    const checkpoints = record.checkpoints.map(({ dir: _, ...checkpoint }) => checkpoint).reverse();
    return jsonResponse(cursorPage(checkpoints, query, { fallback: 10, max: 100 }));
  }
  return errorResponse(404, `Unknown route: ${method} ${new URL(request.url).pathname}`);
}
