// Prompt templates in suites: promptfoo's `{{var}}` (spaces inside the braces allowed, as nunjucks
// allows them), rendered by @repo/prompting with `{{`/`}}` delimiters. Templates are parsed once
// per prompt, not once per case.
import type { Message } from '@repo/core';
import { assistantMessage, systemMessage, userMessage } from '@repo/core';
import { createPromptTemplate, TemplateError, type PromptTemplate } from '@repo/prompting';
import type { SuitePrompt } from './eval-suite.js';

const DELIMITERS: [string, string] = ['{{', '}}'];

/** `{{ question }}` → `{{question}}`. */
export function normalizePlaceholders(template: string): string {
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, '{{$1}}');
}

/** A template for a suite value (`{{expected}}` in an assertion, a prompt message). */
export function suiteTemplate(text: string): PromptTemplate {
  return createPromptTemplate(text, { delimiters: DELIMITERS });
}

export interface CompiledPrompt {
  label: string;
  render(vars: Record<string, unknown>): Message[];
}

export function compilePrompt(prompt: SuitePrompt): CompiledPrompt {
  const templates = prompt.messages.map((message) => ({
    role: message.role,
    template: suiteTemplate(message.content),
  }));
  return {
    label: prompt.label,
    render: (vars) => {
      const values = promptValues(vars);
      return templates.map(({ role, template }) => {
        const text = template.render(values);
        return role === 'system'
          ? systemMessage(text)
          : role === 'user'
            ? userMessage(text)
            : assistantMessage(text);
      });
    },
  };
}

/**
 * A list of strings (`vars.context` as retrieved documents) goes into a prompt one item per line,
 * as a RAG prompt would show them; `{{context.0}}` still picks one item. Other values render as
 * @repo/prompting renders them (objects as JSON).
 */
function promptValues(vars: Record<string, unknown>): Record<string, unknown> {
  let values: Record<string, unknown> | undefined;
  for (const [name, value] of Object.entries(vars))
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
      values ??= { ...vars };
      values[name] = value.join('\n');
      value.forEach((item, index) => (values![`${name}.${index}`] = item));
    }
  return values ?? vars;
}

/** Variables the prompt uses that `vars` does not define (empty when it renders). */
export function missingVariables(prompt: CompiledPrompt, vars: Record<string, unknown>): string[] {
  try {
    prompt.render(vars);
    return [];
  } catch (error) {
    if (error instanceof TemplateError) return error.details.map((detail) => detail.field);
    throw error;
  }
}
