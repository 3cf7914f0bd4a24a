// A chat completion answered by a trained checkpoint: the checkpoint's own sampler (seeded, so a
// request without `seed` always gets the same answer), its own token counts as usage, the same
// JSON and SSE chunks as the stand-in's replies. A checkpoint that cannot be loaded is the
// server's misconfiguration (500); a message or option the model cannot take is a 400 naming it.
import type { TrainedChatModel, TrainedChatOptions } from '@repo/trainer/serve';
import type { ChatRequest } from './chat-request.js';
import {
  chunkMaker,
  completionBody,
  completionHead,
  usageOf,
  type CompletionHead,
  type Usage,
} from './completion-wire.js';
import type { Exchange } from './exchange.js';
import { errorResponse, InvalidRequestError, jsonResponse } from './openai-errors.js';
import { sseResponse } from './sse.js';
import type { TrainedModels } from './trained-models.js';
import type { FaultConfig } from './types.js';

type Answer = ReturnType<TrainedChatModel['complete']>;

export async function answerWithTrainedModel(
  trained: TrainedModels,
  request: ChatRequest,
  body: unknown,
  exchange: Exchange,
  faults: FaultConfig | undefined,
): Promise<Response> {
  let model: TrainedChatModel;
  try {
    model = await trained.load(request.model);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return errorResponse(500, `The trained model '${request.model}' cannot be loaded: ${reason}`, {
      code: 'trained_model_unavailable',
    });
  }
  const fields = body as Record<string, unknown>;
  const messages = fields.messages as Parameters<TrainedChatModel['complete']>[0];
  const options = {
    temperature: fields.temperature,
    top_p: fields.top_p,
    seed: fields.seed,
    max_tokens: request.maxTokens,
  } as TrainedChatOptions;
  const head = completionHead(request.model);
  const usage = (answer: Answer) => usageOf(answer.promptTokens, answer.completionTokens);
  if (!request.stream) {
    const answer = namingTheField(() => model.complete(messages, options));
    const message = { role: 'assistant', content: answer.text };
    return jsonResponse(completionBody(head, message, answer.finishReason, usage(answer)));
  }
  const pieces = namingTheField(() => model.stream(messages, options));
  return sseResponse(streamChunks(head, pieces, request.includeUsage, usage), exchange, faults);
}

/** Sampled lazily: each text piece becomes a chunk when the client is ready for it. */
function* streamChunks(
  head: CompletionHead,
  pieces: Generator<string, Answer, void>,
  includeUsage: boolean,
  usage: (answer: Answer) => Usage,
): Generator<unknown, void, void> {
  const chunks = chunkMaker(head);
  yield chunks.chunk({ role: 'assistant', content: '' });
  let next = pieces.next();
  for (; !next.done; next = pieces.next()) yield chunks.chunk({ content: next.value });
  yield chunks.chunk({}, next.value.finishReason);
  if (includeUsage) yield chunks.usage(usage(next.value));
}

/** The trainer's InvalidInputError (kind invalid_input, the field in details) as our 400. */
function namingTheField<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    const { kind, details } = error as { kind?: string; details?: { field?: string }[] };
    const field = details?.[0]?.field;
    if (kind === 'invalid_input' && field !== undefined)
      throw new InvalidRequestError((error as Error).message, field);
    throw error;
  }
}
