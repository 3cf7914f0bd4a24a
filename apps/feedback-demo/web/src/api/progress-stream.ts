// The campaign's generation progress as server-sent events: `progress` repeatedly, then a final
// `done` with the campaign, after which the stream is closed. EventSource cannot send headers:
// the route takes the invite token as `?invite=`; an admin token (never put in a URL) goes as a
// header on a fetch stream that reads the same events.
import { adminToken, inviteToken } from '../storage.js';
import { API, authHeaders } from './client.js';
import type { Campaign, Progress } from './types.js';

export interface ProgressHandlers {
  progress(progress: Progress): void;
  done(campaign: Campaign): void;
  error(): void;
}

/** Starts listening; the returned function stops. */
export function watchProgress(campaignId: string, handlers: ProgressHandlers): () => void {
  const url = `${API}/campaigns/${encodeURIComponent(campaignId)}/events`;
  const invite = inviteToken(campaignId);
  if (adminToken() && !invite) return withFetch(url, authHeaders(campaignId), handlers);
  const query = invite ? `?invite=${encodeURIComponent(invite)}` : '';
  return withEventSource(url + query, handlers);
}

function withEventSource(url: string, handlers: ProgressHandlers): () => void {
  const source = new EventSource(url);
  source.addEventListener('progress', (event) => handlers.progress(parse<Progress>(event.data)));
  source.addEventListener('done', (event) => {
    source.close();
    handlers.done(parse<Campaign>(event.data));
  });
  source.addEventListener('error', () => {
    source.close();
    handlers.error();
  });
  return () => source.close();
}

function withFetch(url: string, headers: Record<string, string>, handlers: ProgressHandlers) {
  const controller = new AbortController();
  void readStream(url, headers, handlers, controller.signal).catch(() => {
    if (!controller.signal.aborted) handlers.error();
  });
  return () => controller.abort();
}

async function readStream(
  url: string,
  headers: Record<string, string>,
  handlers: ProgressHandlers,
  signal: AbortSignal,
): Promise<void> {
  const response = await fetch(url, {
    headers: { ...headers, Accept: 'text/event-stream' },
    signal,
  });
  if (!response.ok || !response.body) throw new Error(`progress: ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value.replace(/\r\n?/g, '\n');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (dispatch(frame, handlers)) {
        await reader.cancel().catch(() => undefined);
        return;
      }
    }
  }
}

/** Handles one SSE frame; true once the final `done` event arrived. */
function dispatch(frame: string, handlers: ProgressHandlers): boolean {
  let event = 'message';
  const data: string[] = [];
  for (const line of frame.split('\n')) {
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  if (data.length === 0) return false;
  if (event === 'progress') handlers.progress(parse<Progress>(data.join('\n')));
  if (event !== 'done') return false;
  handlers.done(parse<Campaign>(data.join('\n')));
  return true;
}

function parse<T>(text: string): T {
  return JSON.parse(text) as T;
}
