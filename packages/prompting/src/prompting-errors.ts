// The narrow errors of @repo/prompting (docs/conventions.md rule 11). TemplateError is bad caller input
// (HTTP 400); StructuredOutputError keeps the model's raw answer, which Spring AI's
// BeanOutputConverter loses (docs/pain-points.md P7).
import { AiError, InvalidInputError } from '@repo/core';
import type { AiErrorOptions, InvalidInputDetail, Usage } from '@repo/core';

/** A template could not be rendered or built: `details` names each variable (or option) at fault. */
export class TemplateError extends InvalidInputError {
  constructor(message: string, details: InvalidInputDetail[] = [], options: AiErrorOptions = {}) {
    super(message, details, { code: 'template_invalid', ...options });
  }
}

/** One reason an answer was rejected: a zod issue, or why no JSON could be extracted. */
export interface StructuredOutputIssue {
  /** Where in the answer (`[]` for the whole answer). */
  path: Array<string | number>;
  /** Why, in plain words (`must be an array, not the string "Inception"`), or the extraction failure. */
  message: string;
  /** zod's issue code (`invalid_type`, …) or the extraction failure (`no_json`, `invalid_json`, …). */
  code: string;
}

export interface StructuredOutputErrorOptions extends AiErrorOptions {
  rawText: string;
  issues: StructuredOutputIssue[];
  attempts: number;
  /** Usage summed over every attempt, when the error comes from `generateStructured`. */
  usage?: Usage;
}

/** The model's answer did not yield a valid value, even after the re-asks. */
export class StructuredOutputError extends AiError {
  /** The last answer, exactly as the model sent it. */
  readonly rawText: string;
  readonly issues: StructuredOutputIssue[];
  readonly attempts: number;
  readonly usage: Usage | undefined;

  constructor(message: string, options: StructuredOutputErrorOptions) {
    super(message, {
      code: 'structured_output_invalid',
      ...options,
      kind: 'model_output_unusable',
    });
    this.rawText = options.rawText;
    this.issues = options.issues;
    this.attempts = options.attempts;
    this.usage = options.usage;
  }
}
