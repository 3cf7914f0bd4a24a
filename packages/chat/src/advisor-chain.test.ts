import { CHAT_CONTEXT_KEYS, userMessage } from '@repo/core';
import type { Advisor, ChatStreamEvent } from '@repo/core';
import { MockChatModel } from '@repo/core/testing';
import { describe, expect, it } from 'vitest';
import { createChatClient } from './create-chat-client.js';
import { toArray } from './__fixtures__/test-tools.js';

/** Records enter/exit in `log` and counts in the shared context. */
function recorder(name: string, order: number | undefined, log: string[]): Advisor {
  const bump = (context: Map<string, unknown>) =>
    context.set('visits', [...((context.get('visits') as string[]) ?? []), name]);
  return {
    name,
    ...(order === undefined ? {} : { order }),
    async adviseCall(request, next) {
      log.push(`${name}>`);
      bump(request.context);
      const response = await next(request);
      log.push(`<${name}`);
      return response;
    },
    adviseStream(request, next) {
      return (async function* (): AsyncGenerator<ChatStreamEvent> {
        log.push(`${name}>`);
        bump(request.context);
        yield* next(request);
        log.push(`<${name}`);
      })();
    },
  };
}

describe('advisor chain', () => {
  it('runs advisors by order, lowest outermost, in call and stream alike', async () => {
    for (const mode of ['call', 'stream'] as const) {
      const log: string[] = [];
      const model = new MockChatModel({ defaultReply: 'ok' });
      const client = createChatClient(model, {
        advisors: [recorder('late', 10, log), recorder('default', undefined, log)],
      });
      const spec = client
        .prompt('Hi')
        .advisors(recorder('early', -5, log), recorder('tie', 0, log));
      const result = mode === 'call' ? await spec.call() : await spec.stream().collect();
      expect(log, mode).toEqual([
        'early>',
        'default>',
        'tie>',
        'late>',
        '<late',
        '<tie',
        '<default',
        '<early',
      ]);
      // One context shared by every advisor, returned with the response.
      expect(result.context.get('visits')).toEqual(['early', 'default', 'tie', 'late']);
    }
  });

  it('skips advisors that lack the mode, and a per-request advisor replaces a default by name', async () => {
    const log: string[] = [];
    const callOnly: Advisor = {
      name: 'call-only',
      adviseCall: (r, next) => (log.push('call-only'), next(r)),
    };
    const model = new MockChatModel({ defaultReply: 'ok' });
    const client = createChatClient(model, { advisors: [callOnly, recorder('audit', 0, log)] });
    await toArray(
      client
        .prompt('Hi')
        .advisors(recorder('audit', 0, []))
        .stream(),
    );
    expect(log).toEqual([]); // call-only skipped for streams; the default audit was replaced
    await client.prompt('Hi').call();
    expect(log).toEqual(['call-only', 'audit>', '<audit']);
  });

  it('lets advisors rewrite the request and see the whole turn', async () => {
    const seen: unknown[] = [];
    const rewrite: Advisor = {
      name: 'rewrite',
      async adviseCall({ request, context }, next) {
        const advised = await next({
          request: { ...request, messages: [...request.messages, userMessage('(be brief)')] },
          context,
        });
        seen.push(
          advised.messages?.map((m) => m.role),
          context.get(CHAT_CONTEXT_KEYS.messages),
        );
        return advised;
      },
    };
    const model = new MockChatModel({
      replies: [{ toolCalls: [{ id: 'c1', name: 'nothing' }] }, 'done'],
    });
    const result = await createChatClient(model, { advisors: [rewrite] })
      .prompt('Hi')
      .call();
    expect(model.requests[0]?.messages).toEqual([userMessage('Hi'), userMessage('(be brief)')]);
    expect(seen[0]).toEqual(['assistant', 'tool', 'assistant']);
    expect(seen[1]).toEqual(result.messages);
  });
});

describe('stream advisors', () => {
  it('read the messages of the turn from the context once the stream finishes', async () => {
    const seen: unknown[] = [];
    const memory: Advisor = {
      name: 'memory',
      adviseStream(request, next) {
        return (async function* (): AsyncGenerator<ChatStreamEvent> {
          for await (const event of next(request)) {
            if (event.type === 'finish') seen.push(request.context.get(CHAT_CONTEXT_KEYS.messages));
            yield event;
          }
        })();
      },
    };
    const model = new MockChatModel({
      replies: [{ toolCalls: [{ id: 'c1', name: 'x' }] }, 'done'],
    });
    const result = await createChatClient(model, { advisors: [memory] })
      .prompt('Hi')
      .stream()
      .collect();
    expect(result.messages.map((m) => m.role)).toEqual(['assistant', 'tool', 'assistant']);
    expect(seen).toEqual([result.messages]);
  });
});
