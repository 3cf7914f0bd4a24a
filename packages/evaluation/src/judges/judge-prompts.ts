// Every judge prompt in one place, so a reader sees exactly what a judge is asked and a caller can
// pass a replacement through `promptTemplate`. Placeholders are `{name}` (Spring AI's
// PromptTemplate syntax); JSON examples such as `{"pass": true}` stay literal. Where a prompt comes
// from a reference project it is kept word for word, so scores stay comparable with it.

/** Spring AI `RelevancyEvaluator`, verbatim. */
export const RELEVANCY_PROMPT = `Your task is to evaluate if the response for the query
is in line with the context information provided.

You have two options to answer. Either YES or NO.

Answer YES, if the response for the query
is in line with context information otherwise NO.

Query:
{query}

Response:
{response}

Context:
{context}

Answer:
`;

/** Spring AI `FactCheckingEvaluator`, verbatim: is the claim supported by the document? */
export const FACT_CHECKING_PROMPT = `Evaluate whether or not the following claim is supported by the provided document.
Respond with "yes" if the claim is supported, or "no" if it is not.

Document:
{document}

Claim:
{claim}
`;

/** `FactCheckingEvaluator.forBespokeMinicheck`: the model is trained on this bare shape. */
export const BESPOKE_MINICHECK_PROMPT = `Document:
{document}

Claim:
{claim}
`;

/** ragas faithfulness, step 1: the answer as standalone claims. */
export const FAITHFULNESS_CLAIMS_PROMPT = `Break the answer below into standalone factual claims. Each claim is one short sentence that can be checked on its own: replace pronouns with the names they stand for, and leave out opinions, greetings and questions. Write the claims in the language of the answer.

Question:
{question}

Answer:
{response}

Reply with a JSON object {"claims": ["..."]}. An answer that states nothing checkable gives {"claims": []}.`;

/** ragas faithfulness, step 2: every claim checked against the context in one call. */
export const FAITHFULNESS_VERDICTS_PROMPT = `Your task is to judge the faithfulness of a series of claims against a context. For each claim, decide whether it can be directly inferred from the context: "supported" is true if it can, false if it cannot (also when the context does not say). Give a short reason for each verdict. Judge every claim, in the order given, and copy each claim as written.

Context:
{context}

Claims:
{claims}

Reply with a JSON object {"verdicts": [{"claim": "...", "reason": "...", "supported": true}]}, one verdict per claim.`;

/** OpenAI evals `fact.yaml` (promptfoo `factuality`), with the JSON reply we parse. */
export const CORRECTNESS_PROMPT = `You are comparing a submitted answer to an expert answer on a given question. Here is the data:
[BEGIN DATA]
************
[Question]: {question}
************
[Expert]: {reference}
************
[Submission]: {response}
************
[END DATA]

Compare the factual content of the submitted answer with the expert answer. Ignore any differences in style, grammar, or punctuation.
The submitted answer may either be a subset or superset of the expert answer, or it may conflict with it. Determine which case applies. Answer the question by selecting one of the following options:
(A) The submitted answer is a subset of the expert answer and is fully consistent with it.
(B) The submitted answer is a superset of the expert answer and is fully consistent with it.
(C) The submitted answer contains all the same details as the expert answer.
(D) There is a disagreement between the submitted answer and the expert answer.
(E) The answers differ, but these differences don't matter from the perspective of factuality.

Reply with a JSON object {"reason": "...", "category": "A"}: first a short reason, then the letter of the option that applies.`;

/** promptfoo `llm-rubric` (its default grading prompt), as one message. */
export const RUBRIC_PROMPT = `You are grading output according to a user-specified rubric. If the statement in the rubric is true, then the output passes the test. You respond with a JSON object with this structure: {reason: string, score: number, pass: boolean}, where score is between 0.0 and 1.0.

Examples:

<Output>Hello world</Output>
<Rubric>Content contains a greeting</Rubric>
{"reason": "the content contains the word 'Hello'", "score": 1.0, "pass": true}

<Output>Avast ye swabs, repel the invaders!</Output>
<Rubric>Does not speak like a pirate</Rubric>
{"reason": "'avast ye' is a common pirate term", "score": 0.0, "pass": false}

<Output>
{output}
</Output>
<Rubric>
{rubric}
</Rubric>`;

// FastChat `judge_prompts.jsonl`: `pair-v2` and, with a reference answer, `pair-math-v1`.
const PAIRWISE_RULES =
  'Avoid any positional biases and ensure that the order in which the responses were presented does not influence your decision. Do not allow the length of the responses to influence your evaluation. Do not favor certain names of the assistants. Be as objective as possible. After providing your explanation, output your final verdict by strictly following this format: "[[A]]" if assistant A is better, "[[B]]" if assistant B is better, and "[[C]]" for a tie.';

/** MT-Bench `pair-v2` system prompt. */
export const PAIRWISE_SYSTEM_PROMPT = `Please act as an impartial judge and evaluate the quality of the responses provided by two AI assistants to the user question displayed below. You should choose the assistant that follows the user's instructions and answers the user's question better. Your evaluation should consider factors such as the helpfulness, relevance, accuracy, depth, creativity, and level of detail of their responses. Begin your evaluation by comparing the two responses and provide a short explanation. ${PAIRWISE_RULES}`;

/** MT-Bench `pair-math-v1` system prompt (reference-guided). */
export const PAIRWISE_REFERENCE_SYSTEM_PROMPT = `Please act as an impartial judge and evaluate the quality of the responses provided by two AI assistants to the user question displayed below. Your evaluation should consider correctness and helpfulness. You will be given a reference answer, assistant A's answer, and assistant B's answer. Your job is to evaluate which assistant's answer is better. Begin your evaluation by comparing both assistants' answers with the reference answer. Identify and correct any mistakes. ${PAIRWISE_RULES}`;

const ANSWERS = `[The Start of Assistant A's Answer]
{answer_a}
[The End of Assistant A's Answer]

[The Start of Assistant B's Answer]
{answer_b}
[The End of Assistant B's Answer]`;

export const PAIRWISE_PROMPT = `[User Question]
{question}

${ANSWERS}`;

export const PAIRWISE_REFERENCE_PROMPT = `[User Question]
{question}

[The Start of Reference Answer]
{reference}
[The End of Reference Answer]

${ANSWERS}`;
