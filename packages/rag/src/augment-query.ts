// Contextual augmentation (Spring AI's ContextualQueryAugmenter): the retrieved documents and the
// question rendered into one prompt. When nothing was retrieved the policy is explicit:
// - `allowEmptyContext: true`: the question goes to the model as it is (Spring AI's behaviour);
// - otherwise, with `emptyContextTemplate`: the model gets that prompt (Spring AI's default);
// - otherwise (the default here): a fixed "I don't know" answer and no model call, because a
//   model asked to decline still spends tokens and, in practice, often answers from memory.
import type { AugmentResult, QueryAugmenter, RagQuery } from './modular-rag-types.js';
import type { ScoredDocument } from './rag-types.js';
import {
  assertPlaceholders,
  CONTEXTUAL_PROMPT,
  CONTEXTUAL_PROMPT_ZH,
  EMPTY_CONTEXT_ANSWER,
  EMPTY_CONTEXT_ANSWER_ZH,
  pickByLanguage,
  renderPrompt,
} from './rag-prompts.js';

export interface LanguageTemplates {
  en: string;
  zh: string;
}

export interface ContextualQueryAugmenterOptions {
  /**
   * A prompt with `{query}` and `{context}`, or one per language (`zh` for a mostly-CJK question).
   * Default: Spring AI's template and its Chinese variant.
   */
  promptTemplate?: string | LanguageTemplates;
  /** Send the bare question when nothing was retrieved (default false). */
  allowEmptyContext?: boolean;
  /** Without `allowEmptyContext`: ask the model with this prompt (`{query}` optional) instead of answering. */
  emptyContextTemplate?: string;
  /** Without `allowEmptyContext` and a template: the fixed answer (default: EN or ZH by question). */
  emptyContextAnswer?: string | ((query: RagQuery) => string);
  /** How one document appears in the context (default: its text). */
  formatDocument?: (document: ScoredDocument, index: number) => string;
  /** Between documents (default a newline, as Spring AI joins them). */
  documentSeparator?: string;
}

export function createContextualQueryAugmenter(
  options: ContextualQueryAugmenterOptions = {},
): QueryAugmenter {
  const given = options.promptTemplate ?? { en: CONTEXTUAL_PROMPT, zh: CONTEXTUAL_PROMPT_ZH };
  const templates = typeof given === 'string' ? { en: given, zh: given } : given;
  const en = checkTemplate('promptTemplate.en', templates.en);
  const zh = checkTemplate('promptTemplate.zh', templates.zh);
  const format = options.formatDocument ?? ((document: ScoredDocument) => document.text);
  const separator = options.documentSeparator ?? '\n';

  return (query, documents): AugmentResult => {
    if (documents.length === 0) return augmentEmpty(query, options);
    const context = documents.map(format).join(separator);
    const template = pickByLanguage(query.text, en, zh);
    return { type: 'prompt', text: renderPrompt(template, { query: query.text, context }) };
  };
}

// Spring AI's QuestionAnswerAdvisor calls the context `{question_answer_context}`: accepted too.
function checkTemplate(field: string, template: string): string {
  const normalised = template.replaceAll('{question_answer_context}', '{context}');
  assertPlaceholders(field, normalised, ['query', 'context']);
  return normalised;
}

function augmentEmpty(query: RagQuery, options: ContextualQueryAugmenterOptions): AugmentResult {
  if (options.allowEmptyContext) return { type: 'prompt', text: query.text };
  if (options.emptyContextTemplate !== undefined)
    return {
      type: 'prompt',
      text: renderPrompt(options.emptyContextTemplate, { query: query.text }),
    };
  const answer = options.emptyContextAnswer;
  if (typeof answer === 'function') return { type: 'answer', text: answer(query) };
  return {
    type: 'answer',
    text: answer ?? pickByLanguage(query.text, EMPTY_CONTEXT_ANSWER, EMPTY_CONTEXT_ANSWER_ZH),
  };
}
