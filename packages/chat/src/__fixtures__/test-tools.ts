// Tools and helpers shared by the chat tests (excluded from the build).
import type { ChatStreamEvent, Tool, ToolExecutionContext } from '@repo/core';

export interface WeatherArgs {
  city: string;
  unit?: 'C' | 'F';
}

export interface WeatherCall {
  args: WeatherArgs;
  context: ToolExecutionContext;
}

/** Records every execution so tests can check arguments and context. */
export function weatherTool(seen: WeatherCall[] = []) {
  const tool: Tool<WeatherArgs, { city: string; temperature: number; unit: string }> = {
    name: 'getCurrentWeather',
    description: 'Get the current weather for a city',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['C', 'F'] } },
      required: ['city'],
    },
    execute(args, context) {
      seen.push({ args, context });
      return {
        city: args.city,
        temperature: args.city === 'Paris' ? 21 : 15,
        unit: args.unit ?? 'C',
      };
    },
  };
  return tool;
}

export const clockTool: Tool<Record<string, never>, string> = {
  name: 'currentTime',
  description: 'The current time',
  parameters: { type: 'object', properties: {} },
  execute: () => '12:00',
};

export const failingTool: Tool<unknown, never> = {
  name: 'flakyLookup',
  description: 'Always fails',
  parameters: { type: 'object', properties: {} },
  execute() {
    throw new Error('database is down');
  },
};

export async function toArray<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

export function eventTypes(events: ChatStreamEvent[]): string[] {
  // Consecutive text deltas collapse to one entry so the sequence reads as turns.
  return events
    .map((event) => event.type)
    .filter((type, index, all) => !(type === 'text-delta' && all[index - 1] === 'text-delta'));
}
