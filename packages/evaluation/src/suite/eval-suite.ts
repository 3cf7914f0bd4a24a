// A loaded suite: defaultTest merged into every test, prompts parsed, `not-` split off assertion
// types. This is what the runner takes; `loadSuite`/`parseSuite` produce it from a file or object.
import type { ResponseFormat } from '@repo/core';
import type { ContextDocument } from '../evaluator.js';

export interface SuitePrompt {
  label: string;
  /** Message templates with `{{var}}` placeholders (a plain prompt is one user message). */
  messages: Array<{ role: 'system' | 'user' | 'assistant'; content: string }>;
}

export interface SuiteProvider {
  /** As written: `local`, `deepseek`, `qwen:qwen-max` (promptfoo's `openai:chat:gpt-4o` works too). */
  id: string;
  label: string;
  config: {
    temperature?: number;
    maxTokens?: number;
    seed?: number;
    system?: string;
    prices?: { inputPerMillion: number; outputPerMillion: number };
    responseFormat?: ResponseFormat;
  };
}

/** The judge and embedding models for model-graded assertions (promptfoo's `options.provider`). */
export interface GraderIds {
  text?: string;
  embedding?: string;
}

export interface SuiteAssertion {
  /** The type without `not-`. */
  type: string;
  negate: boolean;
  value?: unknown;
  threshold?: number;
  weight: number;
  metric?: string;
  grader: GraderIds;
  config: Record<string, unknown>;
}

export interface SuiteTest {
  index: number;
  /** Unique within the suite: the description, else `#<index>`; part of every case id. */
  key: string;
  description: string;
  vars: Record<string, unknown>;
  assert: SuiteAssertion[];
  threshold?: number;
}

export interface EvalSuite {
  name: string;
  path?: string;
  prompts: SuitePrompt[];
  providers: SuiteProvider[];
  tests: SuiteTest[];
  maxConcurrency?: number;
}

/** `vars.context` as documents: a string is one document, an array one per item. */
export function contextOf(vars: Record<string, unknown>): ContextDocument[] {
  const context = vars.context;
  if (context === undefined || context === null) return [];
  if (Array.isArray(context))
    return context.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
  return [typeof context === 'string' ? context : JSON.stringify(context)];
}
