// The ChatClient (Spring AI's ChatClient + ChatClientRequestSpec): a client holds defaults, and
// `prompt()` starts an immutable request spec. Immutability matters because specs get shared
// (a base spec per route, a default per service): a method that mutated would leak one request's
// messages or tools into the next.
import { generateStructured } from '@repo/prompting';
import type { Advisor, ChatModel, ChatOptions, Message } from '@repo/core';
import type { z } from 'zod';
import type {
  AnyTool,
  ChatClient,
  ChatClientDefaults,
  ChatClientResponse,
  ChatClientStream,
  EntityOptions,
  EntityResult,
  PromptSpec,
  TemplateParams,
  ToolExecutionMode,
} from './chat-client-types.js';
import { createChatClientStream } from './chat-client-stream.js';
import { mergeOptions, prepareRequest } from './prepare-request.js';
import type { PromptState } from './prepare-request.js';
import { runCall, runStream } from './run-request.js';

export function createChatClient(model: ChatModel, defaults: ChatClientDefaults = {}): ChatClient {
  return {
    model,
    prompt(userText?: string): PromptSpec {
      const state: PromptState = {
        history: [],
        options: {},
        advisors: [],
        tools: [],
        toolContext: {},
        advisorContext: {},
        toolExecution: 'auto',
      };
      const spec = new ChatPromptSpec(model, defaults, state);
      return userText === undefined ? spec : spec.user(userText);
    },
  };
}

class ChatPromptSpec implements PromptSpec {
  constructor(
    private readonly model: ChatModel,
    private readonly defaults: ChatClientDefaults,
    private readonly state: PromptState,
  ) {}

  private with(patch: Partial<PromptState>): ChatPromptSpec {
    return new ChatPromptSpec(this.model, this.defaults, { ...this.state, ...patch });
  }

  system(text: string, params?: TemplateParams): PromptSpec {
    return this.with({ system: { text, params } });
  }

  user(text: string, params?: TemplateParams): PromptSpec {
    return this.with({ user: { text, params } });
  }

  messages(messages: readonly Message[]): PromptSpec {
    return this.with({ history: [...this.state.history, ...messages] });
  }

  options(options: ChatOptions): PromptSpec {
    return this.with({ options: mergeOptions(this.state.options, options) });
  }

  advisors(...advisors: Advisor[]): PromptSpec {
    return this.with({ advisors: [...this.state.advisors, ...advisors] });
  }

  tools(...tools: AnyTool[]): PromptSpec {
    return this.with({ tools: [...this.state.tools, ...tools] });
  }

  toolContext(context: Record<string, unknown>): PromptSpec {
    return this.with({ toolContext: { ...this.state.toolContext, ...context } });
  }

  advisorContext(context: Record<string, unknown>): PromptSpec {
    return this.with({ advisorContext: { ...this.state.advisorContext, ...context } });
  }

  signal(signal: AbortSignal): PromptSpec {
    return this.with({ signal });
  }

  toolExecution(mode: ToolExecutionMode): PromptSpec {
    return this.with({ toolExecution: mode });
  }

  async call(): Promise<ChatClientResponse> {
    return runCall(this.model, this.prepare());
  }

  stream(): ChatClientStream {
    return createChatClientStream(() => {
      const prepared = this.prepare();
      return { events: runStream(this.model, prepared), context: prepared.context };
    });
  }

  async entity<T>(schema: z.ZodType<T>, options?: EntityOptions): Promise<T> {
    return (await this.entityWithResponse(schema, options)).value;
  }

  /** Tools and a schema together (docs/pain-points.md P8): each attempt runs the whole tool loop, then parses the final answer. */
  async entityWithResponse<T>(
    schema: z.ZodType<T>,
    options: EntityOptions = {},
  ): Promise<EntityResult<T>> {
    const prepared = this.prepare();
    const result = await generateStructured({
      // Every attempt is a full advised call with a fresh copy of the initial context.
      call: async (request) =>
        (await runCall(this.model, { ...prepared, request, context: new Map(prepared.context) }))
          .response,
      request: prepared.request,
      schema,
      ...(options.name === undefined ? {} : { name: options.name }),
      ...(options.maxReasks === undefined ? {} : { maxReasks: options.maxReasks }),
      ...(this.model.capabilities ? { capabilities: this.model.capabilities } : {}),
    });
    return {
      value: result.value,
      response: result.response,
      attempts: result.attempts,
      usage: result.usage,
    };
  }

  private prepare() {
    return prepareRequest(this.model, this.defaults, this.state);
  }
}
