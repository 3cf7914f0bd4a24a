// A zod schema as everything a structured-output call needs: the JSON schema, the native
// response format, prompt instructions for models without one, and a tolerant parser (Spring AI's
// BeanOutputConverter, with the raw text kept on failure).
import type { z } from 'zod';
import { describeSchemaIssue, formatIssuePath } from '@repo/core';
import type { JsonSchema, ResponseFormat } from '@repo/core';
import { extractJsonCandidates } from './extract-json.js';
import { StructuredOutputError } from './prompting-errors.js';
import type { StructuredOutputIssue } from './prompting-errors.js';
import { isStrictCompatible, toJsonSchema } from './to-json-schema.js';

export interface StructuredOutputOptions {
  /** Sent as the response format's name (default `response`). */
  name?: string;
  description?: string;
}

export type StructuredParseResult<T> =
  | { success: true; value: T }
  | { success: false; rawText: string; issues: StructuredOutputIssue[] };

export interface StructuredOutput<T> {
  readonly name: string;
  readonly description: string | undefined;
  readonly schema: z.ZodType<T>;
  /** Draft 2020-12, no `$schema`, objects closed with `additionalProperties: false`. */
  readonly jsonSchema: JsonSchema;
  /** The native format (`strict` only when every object property is required). */
  responseFormat(): Extract<ResponseFormat, { type: 'json-schema' }>;
  /** Instructions and the schema, for models without a native JSON-schema mode. */
  formatInstructions(): string;
  /** Throws StructuredOutputError (attempts 1) carrying the text and the issues. */
  parse(text: string): T;
  safeParse(text: string): StructuredParseResult<T>;
}

export function createStructuredOutput<T>(
  schema: z.ZodType<T>,
  options: StructuredOutputOptions = {},
): StructuredOutput<T> {
  const name = options.name ?? 'response';
  const { description } = options;
  const jsonSchema = toJsonSchema(schema);
  const strict = isStrictCompatible(jsonSchema);

  // Every JSON value in the answer is tried, so a citation like `[1]` in a preamble cannot hide
  // the real answer; when none fits, the issues are those of the longest value.
  const safeParse = (text: string): StructuredParseResult<T> => {
    const { candidates, failure } = extractJsonCandidates(text);
    let longest: { length: number; issues: StructuredOutputIssue[] } | undefined;
    for (const candidate of candidates) {
      const parsed = schema.safeParse(candidate.value);
      if (parsed.success) return { success: true, value: parsed.data };
      if (!longest || candidate.json.length > longest.length)
        longest = {
          length: candidate.json.length,
          issues: parsed.error.issues.flatMap((issue) => toIssues(issue, candidate.value)),
        };
    }
    const issues = longest?.issues ?? [
      { path: [], message: failure.message, code: failure.reason },
    ];
    return { success: false, rawText: text, issues };
  };

  return {
    name,
    description,
    schema,
    jsonSchema,
    responseFormat: () => ({
      type: 'json-schema',
      name,
      schema: jsonSchema,
      ...(description === undefined ? {} : { description }),
      strict,
    }),
    formatInstructions: () => formatInstructions(jsonSchema, description),
    parse(text) {
      const result = safeParse(text);
      if (result.success) return result.value;
      throw new StructuredOutputError(describeFailure(result.issues), {
        rawText: text,
        issues: result.issues,
        attempts: 1,
      });
    },
    safeParse,
  };
}

// English, because models follow English format instructions best; the line about property names
// keeps Chinese prompts from getting translated keys (`{"演员": …}`).
function formatInstructions(jsonSchema: JsonSchema, description: string | undefined): string {
  return [
    'Answer with a single JSON value that conforms to the JSON Schema below, and nothing else:',
    'no explanations, no Markdown code fences, no text before or after the JSON.',
    'Use the property names exactly as written in the schema, even when the conversation is in',
    'another language; string values may be in the language of the conversation.',
    ...(description ? [`The JSON describes: ${description}`] : []),
    'JSON Schema:',
    JSON.stringify(jsonSchema, null, 2),
  ].join('\n');
}

// The model reads these when it is asked again, so they use core's plain wording ("must be an
// array, not a string") rather than zod's ("Invalid input: expected array, received string").
function toIssues(issue: z.core.$ZodIssue, value: unknown): StructuredOutputIssue[] {
  return describeSchemaIssue(issue, { input: value }).map(({ path, reason }) => ({
    path: path.map((key) => (typeof key === 'number' ? key : String(key))),
    message: reason,
    code: issue.code,
  }));
}

/** One line per issue: `- path: message`, the whole answer being `(root)`. */
export function formatIssues(issues: StructuredOutputIssue[]): string {
  return issues.map((issue) => `- ${formatIssuePath(issue.path)}: ${issue.message}`).join('\n');
}

export function describeFailure(issues: StructuredOutputIssue[], attempts = 1): string {
  const tries = attempts === 1 ? '' : ` after ${attempts} attempts`;
  return `The model's answer is not valid structured output${tries}:\n${formatIssues(issues)}`;
}
