// The bad-input suite every app's tests run (issue: "every app survives hostile input"): each
// sample request's mutations (bad-input-mutations.ts) are sent over real HTTP, one at a time, and
// each answer is checked: never a 5xx or no answer; a `reject` is a 4xx naming its field; every
// 4xx carries DESIGN's error body. Then /health must still answer and Object.prototype must be
// untouched. It returns what went wrong instead of throwing, so a test shows every failure at once.
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mutateRequest, type Mutation, type SampleRequest } from './bad-input-mutations.js';

export interface BadInputOptions {
  /** Checked last; default `/health`. */
  healthPath?: string;
  /** Require DESIGN's error body on every 4xx (default true; false for JSON-RPC routes). */
  errorBody?: boolean;
  /** Per request, default 30 s. */
  timeoutMs?: number;
  /** A 2xx that still refuses, for protocols with in-band errors (JSON-RPC's `error`). */
  refusedInBand?: (answer: { status: number; text: string }) => boolean;
}

export interface BadInputReport {
  /** Requests sent, the samples included. */
  sent: number;
  /** One line per problem: `POST /api/chat · messages[0].content: NUL → 500`. */
  failures: string[];
}

interface Answer {
  status: number;
  text: string;
}

export async function checkBadInputs(
  server: Server,
  samples: readonly SampleRequest[],
  options: BadInputOptions = {},
): Promise<BadInputReport> {
  const opened = !server.listening;
  if (opened) await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  const send = (mutation: Pick<Mutation, 'method' | 'url' | 'headers' | 'body'>) =>
    sendRaw(port, mutation, options.timeoutMs ?? 30_000);
  const failures: string[] = [];
  let sent = 0;
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).length;
  try {
    for (const sample of samples) {
      const label = `${sample.method} ${sample.path}`;
      const original = await send(baseOf(sample));
      sent++;
      if (sample.status === undefined ? original.status >= 300 : original.status !== sample.status)
        failures.push(
          `${label} · the valid sample itself → ${original.status} ${original.text.slice(0, 200)}`,
        );
      for (const mutation of mutateRequest(sample)) {
        const answer = await send(mutation);
        sent++;
        const problem = judge(mutation, answer, options);
        if (problem) failures.push(`${label} · ${mutation.name} → ${problem}`);
      }
    }
    const health = await send({ method: 'GET', url: options.healthPath ?? '/health', headers: {} });
    if (health.status !== 200) failures.push(`health after the suite → ${health.status}`);
    if (Object.getOwnPropertyNames(Object.prototype).length !== prototypeKeys)
      failures.push('Object.prototype gained properties (prototype pollution)');
  } finally {
    if (opened) await new Promise((done) => server.close(done));
  }
  return { sent, failures };
}

function baseOf(sample: SampleRequest): Pick<Mutation, 'method' | 'url' | 'headers' | 'body'> {
  const path = sample.path.replace(/:(\w+)/g, (_m, name: string) => sample.params?.[name] ?? '');
  const search = sample.query ? new URLSearchParams(sample.query).toString() : '';
  const json = sample.body !== undefined;
  return {
    method: sample.method,
    url: search ? `${path}?${search}` : path,
    headers: { ...(json ? { 'content-type': 'application/json' } : {}), ...sample.headers },
    ...(json ? { body: JSON.stringify(sample.body) } : {}),
  };
}

function judge(mutation: Mutation, answer: Answer, options: BadInputOptions): string | undefined {
  if (answer.status === 0) return `no answer (${answer.text})`;
  if (answer.status >= 500) return `${answer.status} ${answer.text.slice(0, 200)}`;
  if (mutation.expect === 'reject' && answer.status < 400 && !options.refusedInBand?.(answer))
    return `${answer.status}, expected a 4xx`;
  if (answer.status < 400 || options.errorBody === false) return undefined;
  let body: { statusCode?: unknown; error?: unknown; message?: unknown; details?: unknown };
  try {
    body = JSON.parse(answer.text) as typeof body;
  } catch {
    return `${answer.status} without a JSON error body: ${answer.text.slice(0, 120)}`;
  }
  const details = Array.isArray(body.details) ? (body.details as Array<{ field?: unknown }>) : [];
  if (
    body.statusCode !== answer.status ||
    typeof body.error !== 'string' ||
    typeof body.message !== 'string' ||
    !Array.isArray(body.details) ||
    !details.every(
      (d) => typeof d.field === 'string' && typeof (d as { reason?: unknown }).reason === 'string',
    )
  )
    return `${answer.status} with a body that is not the error body: ${answer.text.slice(0, 160)}`;
  if (mutation.expect === 'reject' && mutation.field && answer.status === 400) {
    const named = details.some(
      (d) =>
        typeof d.field === 'string' &&
        (d.field === mutation.field || d.field.startsWith(`${mutation.field}`)),
    );
    if (!named) return `400 without the field ${mutation.field}: ${answer.text.slice(0, 200)}`;
  }
  return undefined;
}

function sendRaw(
  port: number,
  mutation: Pick<Mutation, 'method' | 'url' | 'headers' | 'body'>,
  timeoutMs: number,
): Promise<Answer> {
  return new Promise((resolve) => {
    const headers = Object.fromEntries(
      Object.entries(mutation.headers).filter(([, v]) => v !== ''),
    );
    // Node sends a DELETE's body with neither a length nor chunks unless it is told the length.
    if (mutation.body !== undefined)
      headers['content-length'] = String(Buffer.byteLength(mutation.body));
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: mutation.method,
        path: mutation.url,
        headers,
        timeout: timeoutMs,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', (error) => resolve({ status: 0, text: error.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (error) => resolve({ status: 0, text: error.message }));
    req.end(mutation.body);
  });
}
