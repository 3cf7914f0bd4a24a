// What the run logs may say about a request and an error: the suite's form and size, an error's
// class and code. Never the suite's text, a model's output or an error's message, which can
// quote either (a provider echoing the prompt, a judge's reply in a parse error).
import type { SuiteSource } from '../suites/suites.service.js';

/** `bundled suite qa`, `YAML of 1234 characters`, `suite object with 12 tests`. */
export function describeSource(source: SuiteSource): string {
  if (typeof source !== 'string') {
    const tests = (source as { tests?: unknown }).tests;
    return `suite object${Array.isArray(tests) ? ` with ${tests.length} tests` : ''}`;
  }
  // Called once the suite loaded: a name is then one of the files in EVAL_SUITES_DIR.
  return source.includes('\n')
    ? `YAML of ${source.length} characters`
    : `bundled suite ${source.trim()}`;
}

/** `ProviderUnavailableError (provider_unavailable)`, `TypeError`. */
export function kindOf(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${error.name} (${code})` : error.name;
}
