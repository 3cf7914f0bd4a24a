// Test helpers for code that uses @repo/providers: a `fetch` that replays recorded SSE chunks (or
// a JSON body) through the real openai SDK and records what was sent.

export interface RecordedFetchRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** Parsed JSON body (the raw text when not JSON). */
  body: unknown;
}

export interface ReplayResponse {
  /** SSE: each entry is one `data:` payload (an object or a JSON line); `[DONE]` is appended. */
  chunks?: Array<string | object>;
  /** Omit the final `data: [DONE]` (a stream cut short). */
  omitDone?: boolean;
  /** A JSON body instead of a stream. */
  json?: unknown;
  status?: number;
  headers?: Record<string, string>;
}

export interface ReplayFetch {
  fetch: typeof fetch;
  requests: RecordedFetchRequest[];
}

/** Answers the n-th request with the n-th response (the last one repeats). */
export function createReplayFetch(responses: ReplayResponse | ReplayResponse[]): ReplayFetch {
  const queue = Array.isArray(responses) ? responses : [responses];
  const requests: RecordedFetchRequest[] = [];
  const replay = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const text = await request.text();
    let body: unknown = text;
    try {
      body = text === '' ? null : (JSON.parse(text) as unknown);
    } catch {
      // keep the raw text
    }
    requests.push({
      url: request.url,
      method: request.method,
      headers: Object.fromEntries(request.headers.entries()),
      body,
    });
    const spec = queue[Math.min(requests.length - 1, queue.length - 1)] ?? {};
    return toResponse(spec);
  };
  return { fetch: replay as typeof fetch, requests };
}

/** Reads a `.chunks.txt` fixture: one JSON payload per line. */
export function parseChunkLines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

function toResponse(spec: ReplayResponse): Response {
  const status = spec.status ?? 200;
  if (spec.chunks) {
    const frames = spec.chunks.map(
      (chunk) => `data: ${typeof chunk === 'string' ? chunk : JSON.stringify(chunk)}\n\n`,
    );
    if (!spec.omitDone) frames.push('data: [DONE]\n\n');
    return new Response(frames.join(''), {
      status,
      headers: { 'content-type': 'text/event-stream', ...spec.headers },
    });
  }
  return new Response(JSON.stringify(spec.json ?? {}), {
    status,
    headers: { 'content-type': 'application/json', ...spec.headers },
  });
}

/** Every event of a stream and the error that ended it, if any; never throws. */
export async function collectEvents<T>(
  stream: AsyncIterable<T>,
): Promise<{ events: T[]; error: unknown }> {
  const events: T[] = [];
  try {
    for await (const event of stream) events.push(event);
    return { events, error: undefined };
  } catch (error) {
    return { events, error };
  }
}
