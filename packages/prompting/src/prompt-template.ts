// Prompt templates: Spring AI's PromptTemplate / SystemPromptTemplate with StTemplateRenderer's
// custom delimiters, as plain functions. Parsed once at creation; rendering never re-parses values.
import { readFile } from 'node:fs/promises';
import { systemMessage, userMessage } from '@repo/core';
import type { SystemMessage, UserMessage } from '@repo/core';
import { DEFAULT_DELIMITERS, parseTemplate, variablesOf } from './parse-template.js';
import type { Delimiters } from './parse-template.js';
import { TemplateError } from './prompting-errors.js';
import { renderSegments } from './render-template.js';
import type { TemplateValues } from './render-template.js';

export interface PromptTemplateOptions {
  /** `['{', '}']` (default), `['<', '>']` (the seed's StringTemplate style) or any pair. */
  delimiters?: Delimiters;
  /** Values used when `render` is not given one; `render`'s values win. */
  defaults?: TemplateValues;
}

export interface PromptTemplate {
  /** Placeholder names in order of first appearance, without duplicates. */
  readonly variables: string[];
  /** Throws TemplateError naming every missing variable; extra values are ignored. */
  render(values?: TemplateValues): string;
  toMessage(role: 'system', values?: TemplateValues): SystemMessage;
  toMessage(role: 'user', values?: TemplateValues): UserMessage;
}

export function createPromptTemplate(
  template: string,
  options: PromptTemplateOptions = {},
): PromptTemplate {
  if (typeof template !== 'string')
    throw new TemplateError('A prompt template must be a string.', [
      { field: 'template', reason: 'must be a string' },
    ]);
  const segments = parseTemplate(template, options.delimiters ?? DEFAULT_DELIMITERS);
  const defaults = options.defaults ?? {};
  return toPromptTemplate(variablesOf(segments), (values = {}) =>
    renderSegments(segments, { ...defaults, ...values }),
  );
}

/** Wraps a render function as a PromptTemplate (shared with the few-shot builder). */
export function toPromptTemplate(
  variables: string[],
  render: (values?: TemplateValues) => string,
): PromptTemplate {
  function toMessage(role: 'system', values?: TemplateValues): SystemMessage;
  function toMessage(role: 'user', values?: TemplateValues): UserMessage;
  function toMessage(role: 'system' | 'user', values?: TemplateValues) {
    return role === 'system' ? systemMessage(render(values)) : userMessage(render(values));
  }
  return { variables, render, toMessage };
}

/** Reads a UTF-8 template file (a leading byte-order mark is dropped). */
export async function loadPromptTemplate(
  path: string,
  options: PromptTemplateOptions = {},
): Promise<PromptTemplate> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'cannot be read';
    throw new TemplateError(
      `The prompt template file ${path} ${reason}.`,
      [{ field: 'path', reason }],
      {
        cause: error,
      },
    );
  }
  return createPromptTemplate(text.replace(/^\uFEFF/, ''), options);
}

/** A system message from a template (Spring AI's SystemPromptTemplate). */
export function systemTemplate(
  template: string,
  values?: TemplateValues,
  options?: PromptTemplateOptions,
): SystemMessage {
  return createPromptTemplate(template, options).toMessage('system', values);
}

/** A user message from a template (`.user(u -> u.text(...).param(k, v))`). */
export function userTemplate(
  template: string,
  values?: TemplateValues,
  options?: PromptTemplateOptions,
): UserMessage {
  return createPromptTemplate(template, options).toMessage('user', values);
}
