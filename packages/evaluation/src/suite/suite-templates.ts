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
    render: (vars) =>
      templates.map(({ role, template }) => {
        const text = template.render(vars);
        return role === 'system'
          ? systemMessage(text)
          : role === 'user'
            ? userMessage(text)
            : assistantMessage(text);
      }),
  };
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
