// The automatic tool loop (Spring AI's default: the framework runs the tools the model asks for
// until it answers), its SSE twin, and one tool run by hand. The loop itself lives in @repo/chat;
// this service only picks the tools, passes the tool context and reports what happened.
import { Inject, Injectable, type MessageEvent } from '@nestjs/common';
import type { AnyTool, ChatClient, PromptSpec } from '@repo/chat';
import { describeSchemaIssues, InvalidInputError, runToolCalls, type Usage } from '@repo/core';
import { toSseEvents } from '@repo/nest';
import type { Observable } from 'rxjs';
import type { z } from 'zod';
import type { ChatWithToolsDto } from './dto/chat-with-tools.dto.js';
import type { RunToolDto } from './dto/run-tool.dto.js';
import { summarizeToolCalls, type ToolCallSummary } from './summarize-tool-calls.js';
import { TOOL_CHAT_CLIENT } from './tool-chat-client.js';
import { ToolCatalog, type ToolInfo } from './tool-catalog.js';

export interface ToolChatAnswer extends ToolCallSummary {
  content: string;
  finishReason: string;
  usage: Usage;
  provider: string;
  model: string;
}

export interface ToolRun {
  name: string;
  arguments: Record<string, unknown>;
  result: unknown;
  isError: boolean;
}

@Injectable()
export class ToolsService {
  constructor(
    @Inject(TOOL_CHAT_CLIENT) private readonly chat: ChatClient,
    @Inject(ToolCatalog) private readonly catalog: ToolCatalog,
  ) {}

  list(): ToolInfo[] {
    return this.catalog.describe();
  }

  async chatWithTools(input: ChatWithToolsDto): Promise<ToolChatAnswer> {
    const tools = this.catalog.select(input.tools);
    const answer = await this.spec(input, tools).call();
    const { response } = answer;
    return {
      content: answer.content,
      ...summarizeToolCalls(answer.messages, tools),
      finishReason: response.finishReason,
      usage: answer.usage,
      provider: response.provider,
      model: response.model,
    };
  }

  /** SSE events: `delta`, `tool` (each call, then its result), `usage`, `done` or `error`. */
  streamWithTools(input: ChatWithToolsDto): Observable<MessageEvent> {
    const spec = this.spec(input, this.catalog.select(input.tools));
    return toSseEvents((signal) => spec.signal(signal).stream());
  }

  /** What the model would read back from this call (Spring AI's `ToolCallback.call`). */
  /**
   * Arguments that break the tool's own schema are the caller's mistake here (400 naming
   * `arguments.<field>`); what the tool itself refuses (a path outside its folder) is its answer,
   * `isError: true`, exactly as the model would read it.
   */
  async run(input: RunToolDto): Promise<ToolRun> {
    const tool = this.catalog.get(input.name);
    if ('schema' in tool) checkArguments(input.name, tool.schema as z.ZodType, input.arguments);
    const call = {
      type: 'tool-call' as const,
      id: 'manual',
      name: input.name,
      arguments: input.arguments,
    };
    const [outcome] = await runToolCalls([call], [tool], {
      context: input.context ?? {},
    });
    return {
      name: input.name,
      arguments: input.arguments,
      result: outcome?.result ?? null,
      isError: outcome?.isError === true,
    };
  }

  private spec(input: ChatWithToolsDto, tools: AnyTool[]): PromptSpec {
    return this.chat
      .prompt(input.message)
      .tools(...tools)
      .toolContext(input.context ?? {});
  }
}

function checkArguments(name: string, schema: z.ZodType, args: Record<string, unknown>): void {
  const parsed = schema.safeParse(args, { reportInput: true });
  if (parsed.success) return;
  // Fields are named as the request body writes them: `arguments.city`.
  const details = describeSchemaIssues(
    parsed.error.issues.map((issue) => ({ ...issue, path: ['arguments', ...issue.path] })),
  );
  const listed = details.map(({ field, reason }) => `${field} ${reason}`).join('; ');
  throw new InvalidInputError(`The arguments do not match the ${name} tool: ${listed}`, details);
}
