// The parity matrix (docs/pain-points.md P4): defineTool tools through @repo/chat's loop on local-llm over
// real HTTP (openai SDK, SSE for stream), with the same expected messages for call() and stream().
import { ToolLoopLimitError, createChatClient } from '@repo/chat';
import type { ChatClientResponse, PromptSpec } from '@repo/chat';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLocalModel, normaliseIds } from './__fixtures__/local-model.js';
import { parityScenarios, parityTools } from './__fixtures__/parity-scenarios.js';

const { llm, model, bodies } = createLocalModel();
const MODES = ['call', 'stream'] as const;
type Mode = (typeof MODES)[number];

function run(mode: Mode, spec: PromptSpec): Promise<ChatClientResponse> {
  return mode === 'call' ? spec.call() : spec.stream().collect();
}

/** What local-llm received, minus the streaming switches and with ids numbered. */
function sentWithoutStreamFlags(): unknown {
  const withoutFlags = bodies().map(({ stream: _s, stream_options: _o, ...body }) => body);
  return normaliseIds(withoutFlags);
}

// The first request loads local-llm's tokenizer; keep that out of the tests.
beforeAll(async () => {
  await model.call({ messages: [{ role: 'user', parts: [{ type: 'text', text: 'warm up' }] }] });
}, 30_000);
beforeEach(() => llm.reset());

describe.each(MODES)('the tool loop through %s()', (mode) => {
  const client = createChatClient(model, { tools: parityTools });

  it.each(parityScenarios)('$name', async (scenario) => {
    if (scenario.script) llm.script(scenario.script);
    const result = await run(mode, client.prompt(scenario.prompt));

    expect(normaliseIds(result.messages)).toEqual(scenario.expected);
    const last = scenario.expected.at(-1) as { parts: [{ text: string }] };
    expect(result.content).toBe(last.parts[0].text);
    expect(result.toolCalls).toEqual([]);
    expect(bodies()).toHaveLength(scenario.requests);
    expect(bodies().every((body) => (body.stream === true) === (mode === 'stream'))).toBe(true);
    // Usage is summed over every turn of the loop, in both modes.
    expect(result.usage.totalTokens).toBeGreaterThan(result.response.usage.totalTokens);
  });

  it('stops at the iteration limit with ToolLoopLimitError', async () => {
    const again = { toolCalls: [{ name: 'getOpeningHours', arguments: {} }] };
    llm.script([again, again, again]);
    const limited = createChatClient(model, { tools: parityTools, maxToolIterations: 2 });
    const error: unknown = await run(mode, limited.prompt('Loop')).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ToolLoopLimitError);
    expect((error as ToolLoopLimitError).iterations).toBe(2);
    expect((error as ToolLoopLimitError).code).toBe('tool_loop_limit');
    expect((error as ToolLoopLimitError).messages.map((m) => m.role)).toEqual([
      'assistant',
      'tool',
      'assistant',
      'tool',
      'assistant',
    ]);
    // Two rounds ran; the third request asked again and was refused without running the tool.
    expect(bodies()).toHaveLength(3);
  });
});

describe('call() and stream() send the model the same requests', () => {
  const client = createChatClient(model, { tools: parityTools });

  it.each(parityScenarios)('$name', async (scenario) => {
    const sent: Record<Mode, unknown> = { call: undefined, stream: undefined };
    for (const mode of MODES) {
      llm.reset();
      if (scenario.script) llm.script(scenario.script);
      await run(mode, client.prompt(scenario.prompt));
      sent[mode] = sentWithoutStreamFlags();
    }
    expect(sent.stream).toEqual(sent.call);
    expect(bodies()[0]?.stream_options).toEqual({ include_usage: true });
  });

  it('sends each tool once, with the JSON schema defineTool made from zod', async () => {
    await client.prompt('When are the opening hours?').call();
    const tools = bodies()[0]?.tools as Array<{ function: { name: string; parameters: unknown } }>;
    expect(tools.map((t) => t.function.name)).toEqual([
      'getCurrentWeather',
      'calculate',
      'getOpeningHours',
    ]);
    expect(tools.map((t) => t.function.parameters)).toEqual(parityTools.map((t) => t.parameters));
  });
});
