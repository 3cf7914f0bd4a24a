import { AbortedError, declineToolCall, runToolCalls, userMessage } from '@repo/core';
import type { ToolCallPart, ToolExecutionContext } from '@repo/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTool } from './define-tool.js';

const call = (id: string, name: string, args: unknown): ToolCallPart => ({
  type: 'tool-call',
  id,
  name,
  arguments: args,
});

const seen: ToolExecutionContext[] = [];
const echo = defineTool({
  name: 'echo',
  description: 'Echo a word',
  parameters: z.object({ word: z.string() }),
  execute: ({ word }, context) => {
    seen.push(context);
    return word.toUpperCase();
  },
});
const nothing = defineTool({ name: 'nothing', description: 'Returns nothing', execute: () => {} });
const broken = defineTool({
  name: 'broken',
  description: 'Always fails',
  execute: () => {
    throw new Error('disk full');
  },
});

describe('runToolCalls', () => {
  it('turns every outcome into a tool result, in call order', async () => {
    const results = await runToolCalls(
      [
        call('1', 'echo', { word: 'hi' }),
        call('2', 'echo', '{"word":"json"}'),
        call('3', 'echo', '{"word": oops'),
        call('4', 'fly', {}),
        call('5', 'broken', ''),
        call('6', 'nothing', null),
      ],
      [echo, broken, nothing],
    );
    expect(results.map(({ toolCallId, result, isError }) => [toolCallId, result, isError])).toEqual(
      [
        ['1', 'HI', undefined],
        ['2', 'JSON', undefined],
        [
          '3',
          expect.stringMatching(
            /^Invalid arguments for tool "echo": not valid JSON .*: \{"word": oops\. Send the arguments as a JSON object\.$/,
          ),
          true,
        ],
        ['4', 'Unknown tool "fly". Available tools: echo, broken, nothing.', true],
        ['5', 'Tool "broken" failed: disk full', true],
        ['6', null, undefined],
      ],
    );
    expect(results.every((r) => r.type === 'tool-result')).toBe(true);
    expect(results[0]?.name).toBe('echo');
  });

  it('keeps the calls order when a later call finishes first', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = defineTool({
      name: 'slow',
      description: 'Waits for the gate',
      execute: async () => {
        await gate;
        return 'slow';
      },
    });
    const fast = defineTool({
      name: 'fast',
      description: 'Opens the gate',
      execute: () => {
        release();
        return 'fast';
      },
    });
    const results = await runToolCalls(
      [call('a', 'slow', {}), call('b', 'fast', {})],
      [slow, fast],
    );
    expect(results.map((r) => r.result)).toEqual(['slow', 'fast']);
  });

  it('hands the tools the context, the conversation and the signal', async () => {
    seen.length = 0;
    const controller = new AbortController();
    const messages = [userMessage('Say hi')];
    await runToolCalls([call('c1', 'echo', { word: 'hi' })], new Map([['echo', echo]]), {
      context: { userId: 'u-1' },
      messages,
      signal: controller.signal,
    });
    expect(seen).toEqual([
      { toolCallId: 'c1', context: { userId: 'u-1' }, messages, signal: controller.signal },
    ]);
  });

  it('rejects with AbortedError once the signal fired', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      runToolCalls([call('c1', 'echo', { word: 'hi' })], [echo], { signal: controller.signal }),
    ).rejects.toBeInstanceOf(AbortedError);
  });

  it('declineToolCall answers a refused call so the model can carry on', () => {
    expect(declineToolCall(call('c9', 'echo', {}))).toEqual({
      type: 'tool-result',
      toolCallId: 'c9',
      name: 'echo',
      result: 'The user declined this tool call.',
      isError: true,
    });
    expect(declineToolCall(call('c9', 'echo', {}), 'Not on weekends.').result).toBe(
      'Not on weekends.',
    );
  });
});
