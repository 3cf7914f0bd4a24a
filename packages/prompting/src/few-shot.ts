// Few-shot prompts: LangChain's FewShotPromptTemplate (prefix, formatted examples, suffix joined
// by a separator) and examples as alternating user/assistant turns for chat models.
import { assistantMessage, userMessage } from '@repo/core';
import type { AssistantMessage, UserMessage } from '@repo/core';
import { createPromptTemplate, toPromptTemplate } from './prompt-template.js';
import type { PromptTemplate, PromptTemplateOptions } from './prompt-template.js';
import { stringifyValue } from './render-template.js';

export interface FewShotPromptOptions {
  /** Template rendered before the examples (optional). */
  prefix?: string;
  /** Values for `exampleTemplate`, one object per example. */
  examples: Array<Record<string, unknown>>;
  /** A template string or a PromptTemplate, rendered once per example. */
  exampleTemplate: string | PromptTemplate;
  /** Template rendered after the examples; usually holds the actual input variable. */
  suffix: string;
  /** Between prefix, examples and suffix (default a blank line, as in LangChain). */
  separator?: string;
  /** Delimiters for prefix, suffix and a string `exampleTemplate`. */
  delimiters?: PromptTemplateOptions['delimiters'];
}

/**
 * Examples are rendered once, here (a missing example value throws now, not per request), and
 * are not parsed again, so braces inside example values stay literal. `variables` are those of
 * prefix and suffix.
 */
export function createFewShotPrompt(options: FewShotPromptOptions): PromptTemplate {
  const templateOptions = { delimiters: options.delimiters };
  const exampleTemplate =
    typeof options.exampleTemplate === 'string'
      ? createPromptTemplate(options.exampleTemplate, templateOptions)
      : options.exampleTemplate;
  const renderedExamples = options.examples.map((example) => exampleTemplate.render(example));
  const prefix = createPromptTemplate(options.prefix ?? '', templateOptions);
  const suffix = createPromptTemplate(options.suffix, templateOptions);
  const separator = options.separator ?? '\n\n';
  const render = (values: Record<string, unknown> = {}) =>
    [prefix.render(values), ...renderedExamples, suffix.render(values)]
      .filter((piece) => piece !== '')
      .join(separator);
  return toPromptTemplate([...new Set([...prefix.variables, ...suffix.variables])], render);
}

/** Examples as chat turns: user input, assistant output, … (outputs that are objects become JSON). */
export function fewShotMessages(
  examples: Array<{ input: unknown; output: unknown }>,
): Array<UserMessage | AssistantMessage> {
  return examples.flatMap(({ input, output }) => [
    userMessage(stringifyValue(input)),
    assistantMessage(stringifyValue(output)),
  ]);
}
