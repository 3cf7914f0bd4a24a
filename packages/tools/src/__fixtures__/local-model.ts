// The embedded model over real HTTP for the loop tests: providers' `local` preset → openai SDK →
// local-llm in-process (its `fetch`, no port). Excluded from the build.
import type { Message, ToolExecutionContext } from '@repo/core';
import { createLocalLlm } from '@repo/local-llm';
import { createProvider } from '@repo/providers';

export function createLocalModel() {
  const llm = createLocalLlm();
  // `env: {}` keeps a developer's LOCAL_* variables out of the tests.
  const model = createProvider('local', { localLlm: llm, env: {} }).chat();
  /** The JSON bodies local-llm received, in order. */
  const bodies = () => llm.requests().map((request) => request.body as Record<string, unknown>);
  return { llm, model, bodies };
}

const ID_KEYS = new Set(['id', 'toolCallId', 'tool_call_id']);

/**
 * local-llm's tool-call ids are random; number them in order of appearance so two runs compare.
 * Works on our messages and on the OpenAI request bodies local-llm recorded.
 */
export function normaliseIds(messages: readonly Message[] | unknown[]): unknown {
  const ids = new Map<string, string>();
  const id = (raw: string) => ids.get(raw) ?? (ids.set(raw, `id${ids.size + 1}`), `id${ids.size}`);
  return JSON.parse(JSON.stringify(messages), (key, value: unknown) =>
    ID_KEYS.has(key) && typeof value === 'string' ? id(value) : value,
  );
}

/** A context for calling a tool's `execute` directly. */
export function toolContext(context: Record<string, unknown> = {}): ToolExecutionContext {
  return { toolCallId: 'call_test', context, messages: [] };
}
