// Public API of @repo/prompting: prompt templates (Spring AI's PromptTemplate) and structured
// output (its output converters and validation advisor).
export { extractJson, extractJsonCandidates, stripReasoning } from './extract-json.js';
export type { JsonExtractionFailureReason, JsonExtractionResult } from './extract-json.js';
export { createFewShotPrompt, fewShotMessages } from './few-shot.js';
export type { FewShotPromptOptions } from './few-shot.js';
export { generateStructured, withInstructions } from './generate-structured.js';
export type { GenerateStructuredOptions, GenerateStructuredResult } from './generate-structured.js';
export { DEFAULT_DELIMITERS } from './parse-template.js';
export type { Delimiters } from './parse-template.js';
export {
  createPromptTemplate,
  loadPromptTemplate,
  systemTemplate,
  userTemplate,
} from './prompt-template.js';
export type { PromptTemplate, PromptTemplateOptions } from './prompt-template.js';
export { StructuredOutputError, TemplateError } from './prompting-errors.js';
export type { StructuredOutputErrorOptions, StructuredOutputIssue } from './prompting-errors.js';
export type { TemplateValues } from './render-template.js';
export { createStructuredOutput, formatIssues } from './structured-output.js';
export type {
  StructuredOutput,
  StructuredOutputOptions,
  StructuredParseResult,
} from './structured-output.js';
export { toJsonSchema } from './to-json-schema.js';
