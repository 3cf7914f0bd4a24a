import { InvalidInputError, runToolCalls } from '@repo/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { defineTool } from './define-tool.js';
import { ToolArgumentsError, ToolDefinitionError } from './tools-errors.js';
import { toolContext } from './__fixtures__/local-model.js';

const booking = defineTool({
  name: 'bookTable',
  description: 'Book a restaurant table',
  parameters: z.object({
    restaurant: z.string().min(2).describe('Restaurant name'),
    guests: z.number().int().min(1).max(12),
    time: z.enum(['lunch', 'dinner']).default('dinner'),
    notes: z.array(z.string()).max(2).optional(),
  }),
  execute: (args) => ({ booked: true, ...args }),
});

async function argumentsError(promise: Promise<unknown>): Promise<ToolArgumentsError> {
  const error: unknown = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ToolArgumentsError);
  return error as ToolArgumentsError;
}

describe('defineTool', () => {
  it('sends the input JSON schema: descriptions kept, defaults optional, no $schema or int bounds', () => {
    expect(booking.parameters).toEqual({
      type: 'object',
      properties: {
        restaurant: { type: 'string', minLength: 2, description: 'Restaurant name' },
        guests: { type: 'integer', minimum: 1, maximum: 12 },
        time: { type: 'string', enum: ['lunch', 'dinner'], default: 'dinner' },
        notes: { type: 'array', items: { type: 'string' }, maxItems: 2 },
      },
      required: ['restaurant', 'guests'],
    });
    expect(booking).toMatchObject({ name: 'bookTable', returnDirect: false });
  });

  it('gives a tool without parameters an empty object schema and accepts no arguments', async () => {
    const ping = defineTool({ name: 'ping', description: 'Health check', execute: () => 'pong' });
    expect(ping.parameters).toEqual({ type: 'object', properties: {} });
    expect(await ping.execute({}, toolContext())).toBe('pong');
    // Providers send nothing at all for some zero-argument calls.
    expect(await ping.execute(undefined as never, toolContext())).toBe('pong');
  });

  it('runs execute with parsed arguments: defaults applied, types inferred from the schema', async () => {
    const result = await booking.execute({ restaurant: 'Da Dong', guests: 4 }, toolContext());
    expect(result).toEqual({ booked: true, restaurant: 'Da Dong', guests: 4, time: 'dinner' });

    defineTool({
      name: 'typed',
      description: 'Type check only',
      parameters: z.object({ city: z.string(), unit: z.enum(['C', 'F']).default('C') }),
      execute(args) {
        expectTypeOf(args).toEqualTypeOf<{ city: string; unit: 'C' | 'F' }>();
        return args.city;
      },
    });
    expectTypeOf(booking.execute).parameter(0).toHaveProperty('restaurant').toEqualTypeOf<string>();
    expectTypeOf(booking.execute).returns.resolves.toHaveProperty('guests').toEqualTypeOf<number>();
  });

  it('refuses bad arguments with every field and reason in plain words', async () => {
    const error = await argumentsError(
      booking.execute(
        { restaurant: 7, guests: 2.5, time: 'breakfast', notes: ['a', 'b', 'c'] } as never,
        toolContext(),
      ),
    );
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.code).toBe('invalid_tool_arguments');
    expect(error.toolName).toBe('bookTable');
    expect(error.details).toEqual([
      { field: 'restaurant', reason: 'must be a string, not a number' },
      { field: 'guests', reason: 'must be an integer, not the number 2.5' },
      { field: 'time', reason: 'must be one of: lunch, dinner' },
      { field: 'notes', reason: 'must have at most 2 items' },
    ]);
    expect(error.message).toBe(
      'The arguments do not match the schema: "restaurant" must be a string, not a number; ' +
        '"guests" must be an integer, not the number 2.5; "time" must be one of: lunch, dinner; ' +
        '"notes" must have at most 2 items. Fix them and call again.',
    );
  });

  it('says which fields are missing, too small, unknown or nested wrong', async () => {
    const missing = await argumentsError(booking.execute({ guests: 0 } as never, toolContext()));
    expect(missing.details).toEqual([
      { field: 'restaurant', reason: 'is required' },
      { field: 'guests', reason: 'must be at least 1' },
    ]);
    const strict = defineTool({
      name: 'strictTool',
      description: 'Strict',
      parameters: z.strictObject({ route: z.object({ stops: z.array(z.string()).min(1) }) }),
      execute: () => 'ok',
    });
    const nested = await argumentsError(
      strict.execute({ route: { stops: ['A', 3] }, extra: true } as never, toolContext()),
    );
    expect(nested.details).toEqual([
      { field: 'route.stops[1]', reason: 'must be a string, not a number' },
      { field: 'extra', reason: 'is not an accepted field' },
    ]);
    const notObject = await argumentsError(strict.execute('stops' as never, toolContext()));
    expect(notObject.details).toEqual([
      { field: '(arguments)', reason: 'must be an object, not the string "stops"' },
    ]);
  });

  it('feeds the schema error back as the tool result instead of failing the request', async () => {
    const [result] = await runToolCalls(
      [{ type: 'tool-call', id: 'c1', name: 'bookTable', arguments: '{"restaurant":"X"}' }],
      [booking],
    );
    expect(result).toEqual({
      type: 'tool-result',
      toolCallId: 'c1',
      name: 'bookTable',
      result:
        'Tool "bookTable" failed: The arguments do not match the schema: "restaurant" must have at least 2 characters; "guests" is required. Fix them and call again.',
      isError: true,
    });
  });

  it('keeps returnDirect and the zod schema', () => {
    const schema = z.object({ id: z.string() });
    const status = defineTool({
      name: 'orderStatus',
      description: 'Order status',
      parameters: schema,
      returnDirect: true,
      execute: ({ id }) => `${id}: shipped`,
    });
    expect(status.returnDirect).toBe(true);
    expect(status.schema).toBe(schema);
  });

  it.each([
    ['get weather', 'spaces'],
    ['天气', 'non-ASCII'],
    ['', 'empty'],
    ['x'.repeat(65), 'too long'],
  ])('rejects the name %j (%s) at definition time', (name) => {
    const define = () => defineTool({ name, description: 'd', execute: () => null });
    expect(define).toThrow(ToolDefinitionError);
    expect(define).toThrow(
      'name must be 1-64 characters of letters, digits, "_" or "-" (the OpenAI function-name rule)',
    );
  });

  it('accepts names with digits, "_" and "-" up to 64 characters', () => {
    for (const name of ['get_weather-2', 'x'.repeat(64)])
      expect(defineTool({ name, description: 'd', execute: () => null }).name).toBe(name);
  });

  it('rejects an empty description and schemas that cannot be function parameters', () => {
    expect(() => defineTool({ name: 'a', description: ' ', execute: () => null })).toThrow(
      'Tool "a": description must be a non-empty text the model reads',
    );
    const notObject = () =>
      defineTool({ name: 'b', description: 'd', parameters: z.string(), execute: () => null });
    expect(notObject).toThrow(/parameters must be a z\.object\(\.\.\.\) schema/);
    const withDate = () =>
      defineTool({
        name: 'c',
        description: 'd',
        parameters: z.object({ when: z.date() }),
        execute: () => null,
      });
    expect(withDate).toThrow(ToolDefinitionError);
    expect(withDate).toThrow(/cannot be sent as JSON schema .*use JSON types/);
  });
});
