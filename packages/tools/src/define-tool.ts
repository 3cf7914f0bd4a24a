// defineTool: a core `Tool` from a zod schema (Spring AI's @Tool/@ToolParam and FunctionToolCallback
// with an inputType). The schema does three jobs: the JSON schema the model sees, the runtime check
// of the model's arguments, and the TypeScript type of `execute`'s arguments.
import { describeSchemaIssues } from '@repo/core';
import type { JsonSchema, Tool, ToolExecutionContext } from '@repo/core';
import { z } from 'zod';
import { ToolArgumentsError, ToolDefinitionError } from './tools-errors.js';

/** OpenAI's function-name rule; DeepSeek, Qwen and the MCP spec accept the same set. */
export const TOOL_NAME_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;

const emptyParameters = z.object({});
/** The schema of a tool without arguments. */
export type EmptyParameters = typeof emptyParameters;

export interface DefineToolOptions<S extends z.ZodType, R> {
  /** `^[a-zA-Z0-9_-]{1,64}$`, checked now rather than as a provider 400 later. */
  name: string;
  /** What the model reads to decide when to call the tool: say what it does and what it returns. */
  description: string;
  /** A `z.object(...)`; omitted for a tool without arguments. `.describe()` texts reach the model. */
  parameters?: S;
  /** The result is the answer: no further model turn (Spring AI's `returnDirect`). */
  returnDirect?: boolean;
  /** Runs with arguments that passed the schema (defaults applied, transforms run). */
  execute(args: z.output<S>, context: ToolExecutionContext): Promise<R> | R;
}

/** A core Tool that also keeps its zod schema (MCP servers and callers can reuse it). */
export interface ZodTool<S extends z.ZodType = z.ZodType, R = unknown> extends Tool<z.input<S>, R> {
  readonly schema: S;
  /** Validates `args` first; throws `ToolArgumentsError` when they do not match the schema. */
  execute(args: z.input<S>, context: ToolExecutionContext): Promise<R>;
}

export function defineTool<S extends z.ZodType = EmptyParameters, R = unknown>(
  options: DefineToolOptions<S, R>,
): ZodTool<S, R> {
  const { name, description } = options;
  if (typeof name !== 'string' || !TOOL_NAME_PATTERN.test(name))
    throw new ToolDefinitionError(
      String(name),
      'name',
      'must be 1-64 characters of letters, digits, "_" or "-" (the OpenAI function-name rule)',
    );
  if (typeof description !== 'string' || description.trim() === '')
    throw new ToolDefinitionError(name, 'description', 'must be a non-empty text the model reads');
  const schema = (options.parameters ?? emptyParameters) as S;

  return {
    name,
    description,
    parameters: toToolParameters(name, schema),
    returnDirect: options.returnDirect === true,
    schema,
    async execute(args, context) {
      // Providers send `{}` or nothing for a call without arguments; both mean "no arguments".
      const input: unknown = args ?? {};
      const parsed = await schema.safeParseAsync(input);
      // The reader is a model fixing its own arguments: plain words ("unit must be one of: C, F"),
      // the value it sent ("not the number 2.5"), the arguments object itself as `(arguments)`.
      if (!parsed.success)
        throw new ToolArgumentsError(
          name,
          describeSchemaIssues(parsed.error.issues, { input, root: '(arguments)' }),
        );
      return options.execute(parsed.data, context);
    },
  };
}

/**
 * The JSON schema for OpenAI-style function parameters: the *input* side of the schema (a field
 * with a default is optional to the model), without `$schema` (some OpenAI-compatible servers
 * reject unknown keywords) and without the ±2^53 bounds zod adds to every `.int()`.
 */
export function toToolParameters(toolName: string, schema: z.ZodType): JsonSchema {
  let json: JsonSchema;
  try {
    json = z.toJSONSchema(schema, {
      io: 'input',
      unrepresentable: 'throw',
      override: ({ jsonSchema }) => {
        if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
        if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
      },
    }) as JsonSchema;
  } catch (error) {
    throw new ToolDefinitionError(
      toolName,
      'parameters',
      `cannot be sent as JSON schema (${(error as Error).message}); use JSON types (a date as z.string())`,
    );
  }
  delete json.$schema;
  if (json.type !== 'object')
    throw new ToolDefinitionError(
      toolName,
      'parameters',
      'must be a z.object(...) schema: function-calling APIs take the arguments as one JSON object',
    );
  return json;
}
