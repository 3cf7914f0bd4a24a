// The prompts of modular RAG: Spring AI's defaults (QuestionAnswerAdvisor, ContextualQueryAugmenter,
// the query transformers and MultiQueryExpander), adapted. Answer templates have a Chinese variant
// picked when the question is mostly CJK, because an English instruction around a Chinese question
// pulls many models into answering in English. The transformer prompts say "keep the language"
// instead: a query translated by accident no longer matches the documents it was written against.
// Rendering is a small `{name}` replacement rather than @repo/prompting, which rag may not import.
import { InvalidInputError } from '@repo/core';

/** Spring AI's QuestionAnswerAdvisor template (`{question_answer_context}` works too). */
export const QUESTION_ANSWER_PROMPT = `{query}

Context information is below, surrounded by ---------------------

---------------------
{context}
---------------------

Given the context and provided history information and not prior knowledge,
reply to the user comment. If the answer is not in the context, inform
the user that you can't answer the question.`;

// The question comes after the context as a `问题：` line so it is read as the question, not the
// instructions around it.
export const QUESTION_ANSWER_PROMPT_ZH = `以下是上下文信息，位于两行 --------------------- 之间：

---------------------
{context}
---------------------

请根据上下文信息和对话历史（而不是先验知识）回答用户的问题。如果上下文中没有答案，请告诉用户你无法回答这个问题。

问题：{query}`;

/** Spring AI's ContextualQueryAugmenter template. */
export const CONTEXTUAL_PROMPT = `Context information is below.

---------------------
{context}
---------------------

Given the context information and no prior knowledge, answer the query.

Follow these rules:

1. If the answer is not in the context, just say that you don't know.
2. Avoid statements like "Based on the context..." or "The provided information...".

Query: {query}

Answer:`;

export const CONTEXTUAL_PROMPT_ZH = `以下是上下文信息。

---------------------
{context}
---------------------

请根据上下文信息（而不是先验知识）回答问题。

遵循以下规则：

1. 如果上下文中没有答案，直接说你不知道。
2. 不要使用“根据上下文……”或“所提供的信息……”之类的说法。

问题：{query}

回答：`;

/** Spring AI's empty-context prompt, for `emptyContextTemplate` (the model then declines itself). */
export const EMPTY_CONTEXT_PROMPT = `The user query is outside your knowledge base.
Politely inform the user that you can't answer it.`;

/** The fixed answers given without calling the model when nothing was retrieved. */
export const EMPTY_CONTEXT_ANSWER = "I don't know: nothing in the documents answers this question.";
export const EMPTY_CONTEXT_ANSWER_ZH = '我不知道：文档中没有能回答这个问题的内容。';

export const REWRITE_QUERY_PROMPT = `Given a user query, rewrite it to provide better results when querying a {target}.
Remove any irrelevant information, and ensure the query is concise and specific.
Keep the query in the language it is written in.
Reply with the rewritten query only.

Original query:
{query}

Rewritten query:`;

export const COMPRESS_QUERY_PROMPT = `Given the following conversation history and a follow-up query, your task is to synthesize
a concise, standalone query that incorporates the context from the history.
Ensure the standalone query is clear, specific, and maintains the user's intent.
Keep the query in the language of the follow-up query. Reply with the standalone query only.

Conversation history:
{history}

Follow-up query:
{query}

Standalone query:`;

export const TRANSLATE_QUERY_PROMPT = `Given a user query, translate it to {targetLanguage}.
If the query is already in {targetLanguage}, return it unchanged.
If you don't know the language of the query, return it unchanged.
Do not add explanations nor any other text.

Original query: {query}

Translated query:`;

export const MULTI_QUERY_PROMPT = `You are an expert at information retrieval and search optimization.
Your task is to generate {number} different versions of the given query.

Each variant must cover different perspectives or aspects of the topic,
while maintaining the core intent of the original query. The goal is to
expand the search space and improve the chances of finding relevant information.
Write the variants in the language of the original query.

Do not explain your choices or add any other text.
Provide the query variants separated by newlines.

Original query: {query}

Query variants:`;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const LATIN_WORD = /[\p{Script=Latin}\p{N}]+/gu;

/** Mostly CJK: at least as many CJK characters as Latin words (local-llm's rule, so both agree). */
export function isMostlyCjk(text: string): boolean {
  const cjk = text.match(CJK)?.length ?? 0;
  return cjk > 0 && cjk >= (text.replace(CJK, ' ').match(LATIN_WORD)?.length ?? 0);
}

/** The Chinese variant for a mostly-CJK question, else the English one. */
export function pickByLanguage<T>(question: string, english: T, chinese: T): T {
  return isMostlyCjk(question) ? chinese : english;
}

/**
 * Replaces `{name}` for the names given; other braces (a JSON example) stay as written. Values
 * are inserted in one pass, so a `{context}` inside a retrieved document is never expanded.
 */
export function renderPrompt(template: string, values: Record<string, string>): string {
  return template.replace(/\{([A-Za-z_][\w]*)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? (values[name] ?? '') : whole,
  );
}

/** Fails at construction, not mid-request, when a custom template lacks a placeholder. */
export function assertPlaceholders(field: string, template: string, names: string[]): void {
  const missing = names.filter((name) => !template.includes(`{${name}}`));
  if (missing.length === 0) return;
  const reason = `must contain ${missing.map((name) => `{${name}}`).join(' and ')}`;
  throw new InvalidInputError(`Invalid prompt template: ${field} ${reason}`, [{ field, reason }]);
}
