// createLocalLlm: the web-standard handler and router, the in-process `fetch` for the openai SDK,
// and the control methods. The Node server and the CLI are thin wrappers around this.
import type * as ChatEngine from './chat-completions.js';
import { ControlState, handleControl } from './control.js';
import type * as EmbeddingEngine from './embeddings.js';
import { Exchange } from './exchange.js';
import { fineTuningSettings } from './fine-tuning/config.js';
import type { FineTuning } from './fine-tuning/fine-tuning.js';
import {
  errorResponse,
  InvalidRequestError,
  invalidRequest,
  jsonResponse,
} from './openai-errors.js';
import { TrainedModels, trainedModelDirs } from './trained-models.js';
import type { FaultConfig, LocalLlm, LocalLlmOptions, ScriptedReply } from './types.js';

export const IN_PROCESS_BASE_URL = 'http://local-llm.internal/v1';
export const MODEL_IDS = ['local', 'local-reasoner', 'local-embedding'];
// A fixed date keeps `GET /v1/models` byte-for-byte stable (2025-01-01T00:00:00Z).
const MODELS_CREATED = 1735689600;

const model = (id: string, ownedBy = 'local-llm') => ({
  id,
  object: 'model',
  created: MODELS_CREATED,
  owned_by: ownedBy,
});

type BodyHandler = (body: unknown, exchange: Exchange) => Promise<Response>;

async function readBody(
  request: Request,
): Promise<{ raw: unknown; json: unknown; valid: boolean }> {
  const text = await request.text();
  if (text === '') return { raw: null, json: undefined, valid: false };
  try {
    const json: unknown = JSON.parse(text);
    return { raw: json, json, valid: true };
  } catch {
    return { raw: text, json: undefined, valid: false };
  }
}

export function createLocalLlm(options: LocalLlmOptions = {}): LocalLlm {
  const state = new ControlState();
  const control = options.control ?? true;
  const dimensions = options.embeddingDimensions ?? 384;
  if (options.script) state.script(options.script);
  if (options.faults) state.faults(options.faults);
  const trained = new TrainedModels(trainedModelDirs(options, MODEL_IDS));
  // Fine-tuned models join the list as their jobs succeed.
  const listModels = () => [
    ...MODEL_IDS.map((id) => model(id)),
    ...trained.ids.map((id) => model(id, 'trainer')),
  ];
  // Files and fine-tuning load on their first request, or now when a data folder is configured:
  // its jobs resume (and its fine-tuned models answer) without waiting for a request.
  const tuning = fineTuningSettings(options);
  let fineTuning: Promise<FineTuning> | undefined;
  const openFineTuning = () =>
    (fineTuning ??= import('./fine-tuning/fine-tuning.js').then((m) =>
      m.createFineTuning(tuning, trained),
    ));
  if (tuning.dataDir !== undefined) openFineTuning().catch(() => undefined);

  // The engines load on their first request (an app that never falls back to the embedded model
  // does not pay for them at boot), once: the promises are kept, not re-imported per request.
  let chatEngine: Promise<typeof ChatEngine> | undefined;
  let embeddingEngine: Promise<typeof EmbeddingEngine> | undefined;
  const posts: Record<string, BodyHandler> = {
    '/v1/chat/completions': async (body, exchange) => {
      const { handleChatCompletions } = await (chatEngine ??= import('./chat-completions.js'));
      return handleChatCompletions(body, state, exchange, trained);
    },
    '/v1/embeddings': async (body, exchange) => {
      const { handleEmbeddings } = await (embeddingEngine ??= import('./embeddings.js'));
      return handleEmbeddings(body, state, exchange, dimensions);
    },
  };

  async function route(request: Request, path: string): Promise<Response> {
    if (path.startsWith('/v1/files') || path.startsWith('/v1/fine_tuning/'))
      return (await openFineTuning()).handle(request, path);
    // A restart's fine-tuned models are registered before anyone asks for them (a data folder
    // that cannot be opened fails the fine-tuning routes only).
    await fineTuning?.catch(() => undefined);
    if (path.startsWith('/_local/')) {
      if (!control)
        return errorResponse(
          404,
          `Unknown route: ${request.method} ${path} (the control API is off)`,
        );
      return handleControl(state, request, path);
    }
    if (path === '/v1/models' || path.startsWith('/v1/models/')) {
      if (request.method !== 'GET')
        return errorResponse(405, `Use GET on ${path}.`, { headers: { allow: 'GET' } });
      const models = listModels();
      if (path === '/v1/models') return jsonResponse({ object: 'list', data: models });
      const id = decodeURIComponent(path.slice('/v1/models/'.length));
      const found = models.find((m) => m.id === id);
      return found
        ? jsonResponse(found)
        : errorResponse(404, `The model '${id}' does not exist.`, {
            param: 'model',
            code: 'model_not_found',
          });
    }
    const handle = posts[path];
    if (!handle) return errorResponse(404, `Unknown route: ${request.method} ${path}`);
    if (request.method !== 'POST')
      return errorResponse(405, `Use POST on ${path}.`, { headers: { allow: 'POST' } });
    const body = await readBody(request);
    const exchange = new Exchange(request, state.record(request.method, path, body.raw));
    if (!body.valid)
      return errorResponse(400, 'The request body must be valid JSON.', { param: 'body' });
    const response = await handle(body.json, exchange);
    if (!exchange.streaming) exchange.finish();
    return response;
  }

  async function handler(request: Request): Promise<Response> {
    try {
      return await route(request, new URL(request.url).pathname.replace(/\/+$/, ''));
    } catch (error) {
      if (error instanceof InvalidRequestError) return invalidRequest(error);
      const message = error instanceof Error ? error.message : String(error);
      return errorResponse(500, `local-llm internal error: ${message}`);
    }
  }

  // Like a real fetch, this one rejects with the signal's reason when the caller aborts before
  // the response arrives (the handler itself would answer 499, which no real client ever sees).
  const inProcessFetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const { signal } = request;
    if (signal.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      handler(request).then(
        (response) => {
          signal.removeEventListener('abort', onAbort);
          resolve(response);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  };

  return {
    handler,
    fetch: inProcessFetch as typeof fetch,
    baseURL: IN_PROCESS_BASE_URL,
    script: (replies: ScriptedReply[]) => state.script(replies),
    faults: (config: FaultConfig) => state.faults(config),
    requests: () => state.requests(),
    requestCounts: () => state.requestCounts(),
    reset: () => state.reset(),
    close: async () => {
      if (fineTuning) await (await fineTuning.catch(() => undefined))?.close();
    },
  };
}
