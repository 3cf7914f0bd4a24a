// The control API's state and routes: the FIFO of scripted replies, the active fault config, the
// log of recorded requests and their counts. In-process methods and `/_local/*` share this one object.
import { isRecord } from './chat-request.js';
import { newId } from './ids.js';
import {
  errorResponse,
  failInvalid as fail,
  InvalidRequestError,
  invalidRequest,
  jsonResponse,
} from './openai-errors.js';
import type { FaultConfig, RecordedRequest, RequestCounts, ScriptedReply } from './types.js';

const MAX_RECORDS = 1000;
const FINISH_REASONS = ['stop', 'length', 'tool_calls', 'content_filter'];

function checkScriptedReply(reply: unknown, param: string): ScriptedReply {
  if (!isRecord(reply)) fail(`${param} must be an object.`, param);
  for (const key of ['content', 'reasoning'])
    if (reply[key] !== undefined && typeof reply[key] !== 'string')
      fail(`${param}.${key} must be a string.`, `${param}.${key}`);
  if (reply.toolCalls !== undefined) {
    if (!Array.isArray(reply.toolCalls))
      fail(`${param}.toolCalls must be an array.`, `${param}.toolCalls`);
    reply.toolCalls.forEach((call, i) => {
      if (!isRecord(call) || typeof call.name !== 'string')
        fail(`${param}.toolCalls[${i}].name must be a string.`, `${param}.toolCalls[${i}]`);
    });
  }
  if (reply.finishReason !== undefined && !FINISH_REASONS.includes(String(reply.finishReason)))
    fail(
      `${param}.finishReason must be one of ${FINISH_REASONS.join(', ')}.`,
      `${param}.finishReason`,
    );
  if (reply.error !== undefined) {
    const status = isRecord(reply.error) ? reply.error.status : undefined;
    if (typeof status !== 'number' || status < 400 || status > 599)
      fail(
        `${param}.error.status must be an HTTP error status (400-599).`,
        `${param}.error.status`,
      );
  }
  return reply as ScriptedReply;
}

function checkFaults(config: unknown): FaultConfig {
  if (!isRecord(config)) fail('The fault config must be an object.', 'faults');
  for (const [key, value] of Object.entries(config)) {
    if (key === 'message') {
      if (typeof value !== 'string') fail('message must be a string.', key);
    } else if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      fail(`${key} must be a non-negative number.`, key);
    }
  }
  if (
    config.status !== undefined &&
    ((config.status as number) < 400 || (config.status as number) > 599)
  )
    fail('status must be an HTTP error status (400-599).', 'status');
  return config as FaultConfig;
}

export class ControlState {
  private queue: ScriptedReply[] = [];
  private activeFaults: FaultConfig | undefined;
  private remaining: number | undefined;
  private records: RecordedRequest[] = [];
  // Counted apart from the log: the log keeps the last MAX_RECORDS and copies every body when read,
  // while a count stays exact over a long run and costs nothing to read (retry tests count 1 + N).
  private counts = new Map<string, number>();

  script(replies: unknown): void {
    if (!Array.isArray(replies)) fail("'replies' must be an array of scripted replies.", 'replies');
    this.queue.push(...replies.map((reply, i) => checkScriptedReply(reply, `replies[${i}]`)));
  }

  nextScripted(): ScriptedReply | undefined {
    return this.queue.shift();
  }

  faults(config: unknown): void {
    const checked = checkFaults(config);
    this.activeFaults = Object.keys(checked).length > 0 ? { ...checked } : undefined;
    this.remaining = checked.times;
  }

  /** The faults for one chat/embedding request; counts down `times`. */
  takeFaults(): FaultConfig | undefined {
    const faults = this.activeFaults;
    if (!faults || this.remaining === 0) return undefined;
    if (this.remaining !== undefined) {
      this.remaining--;
      if (this.remaining === 0) this.activeFaults = undefined;
    }
    return faults;
  }

  /** Adds a record; the caller flips `aborted` on the returned object. */
  record(method: string, path: string, body: unknown): RecordedRequest {
    const entry = {
      id: newId('req_'),
      method,
      path,
      body,
      aborted: false,
      at: new Date().toISOString(),
    };
    this.records.push(entry);
    this.counts.set(path, (this.counts.get(path) ?? 0) + 1);
    // A long-running `serve --control` must not grow without bound; tests read far fewer.
    if (this.records.length > MAX_RECORDS) this.records.shift();
    return entry;
  }

  requests(): RecordedRequest[] {
    return structuredClone(this.records);
  }

  /** Chat and embedding requests received since the start or the last reset, faulted ones too. */
  requestCounts(): RequestCounts {
    let total = 0;
    const byPath: Record<string, number> = {};
    for (const [path, count] of this.counts) {
      byPath[path] = count;
      total += count;
    }
    return { total, byPath };
  }

  reset(): void {
    this.queue = [];
    this.activeFaults = undefined;
    this.remaining = undefined;
    this.records = [];
    this.counts.clear();
  }
}

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  try {
    return text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    fail('The request body is not valid JSON.', 'body');
  }
}

/** `/_local/*` routes. */
export async function handleControl(
  state: ControlState,
  request: Request,
  path: string,
): Promise<Response> {
  const routes: Record<string, { method: string; run: () => Promise<unknown> }> = {
    '/_local/script': {
      method: 'POST',
      run: async () => {
        const body = await readJson(request);
        state.script(isRecord(body) ? body.replies : undefined);
        return { ok: true };
      },
    },
    '/_local/faults': {
      method: 'POST',
      run: async () => {
        state.faults(await readJson(request));
        return { ok: true };
      },
    },
    '/_local/requests': { method: 'GET', run: async () => ({ requests: state.requests() }) },
    '/_local/request-counts': { method: 'GET', run: async () => state.requestCounts() },
    '/_local/reset': {
      method: 'POST',
      run: async () => {
        state.reset();
        return { ok: true };
      },
    },
  };
  const route = routes[path];
  if (!route) return errorResponse(404, `Unknown route: ${request.method} ${path}`);
  if (request.method !== route.method)
    return errorResponse(
      405,
      `Method ${request.method} is not allowed on ${path}; use ${route.method}.`,
      {
        headers: { allow: route.method },
      },
    );
  try {
    return jsonResponse(await route.run());
  } catch (error) {
    if (error instanceof InvalidRequestError) return invalidRequest(error);
    throw error;
  }
}
