// Answers from trained checkpoints to the same prompts, for the SFT and DPO experiments: held-out
// prompts in English and Chinese (none is a user message in data/sft.jsonl or preferences.jsonl;
// a test checks), a few measured traits of each answer, and an HTML page showing them side by
// side with every prompt and answer escaped (a model's output is untrusted text).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { escapeXml } from '../report/svg-chart.js';
import { loadCheckpoint } from '../model/checkpoint.js';
import { GptRunner } from '../model/inference.js';
import { generateChat, type SampleOptions } from '../model/sample.js';
import { invalid, writeJson } from './experiment.js';

export const HELD_OUT_PROMPTS: readonly string[] = [
  'How do I cook rice?',
  'Will it rain today?',
  'What does validation loss show?',
  'Tell me about your town.',
  '怎么做米饭？',
  '明天会下雨吗？',
  '验证损失说明什么？',
  '说说你住的小镇。',
];

/** The prompts to answer (default HELD_OUT_PROMPTS), checked: an error names `prompts`. */
export function checkPrompts(prompts: readonly string[] = HELD_OUT_PROMPTS): string[] {
  if (
    !Array.isArray(prompts) ||
    prompts.length === 0 ||
    prompts.some((p) => typeof p !== 'string' || !p.trim())
  )
    throw invalid('prompts', 'must be one or more non-empty strings');
  return [...prompts];
}

/** Answers from one checkpoint, one per prompt, seeded (the same seed for every model compared). */
export async function sampleAnswers(
  checkpointDir: string,
  prompts: readonly string[],
  options: SampleOptions,
  onAnswer?: (index: number) => void,
): Promise<string[]> {
  const checkpoint = await loadCheckpoint(checkpointDir);
  const runner = new GptRunner(checkpoint.config, checkpoint.weights);
  const answers: string[] = [];
  for (const prompt of prompts) {
    const generator = generateChat(
      runner,
      checkpoint.tokenizer,
      [{ role: 'user', content: prompt }],
      options,
    );
    let next = generator.next();
    while (!next.done) next = generator.next();
    answers.push(next.value.text);
    onAnswer?.(answers.length);
    // Let other work (a progress message, a request) through between answers.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return answers;
}

/** Share of the answer's character trigrams that repeat an earlier one: 0 none, near 1 a loop. */
export function repetition(text: string): number {
  const chars = [...text];
  if (chars.length < 4) return 0;
  const seen = new Set<string>();
  let repeated = 0;
  for (let i = 0; i + 3 <= chars.length; i++) {
    const gram = chars.slice(i, i + 3).join('');
    if (seen.has(gram)) repeated++;
    seen.add(gram);
  }
  return repeated / (chars.length - 2);
}

/** Whether an answer opens the way every answer in sft.jsonl does ("Sure. " or "好的。"). */
export function hasTrainedStyle(text: string): boolean {
  return text.startsWith('Sure. ') || text.startsWith('好的。');
}

export interface AnswerTraits {
  /** Share of answers in the SFT data's style. */
  trainedStyle: number;
  /** Mean repetition of the answers. */
  repetition: number;
  /** Mean length in characters. */
  length: number;
  /** Share of answers with "!!!" or "！！！" (the rejected answers' shouting). */
  shouting: number;
}

export function answerTraits(answers: readonly string[]): AnswerTraits {
  const mean = (values: number[]) =>
    values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
  return {
    trainedStyle: mean(answers.map((a) => (hasTrainedStyle(a) ? 1 : 0))),
    repetition: mean(answers.map(repetition)),
    length: mean(answers.map((a) => [...a].length)),
    shouting: mean(answers.map((a) => (/!!!|！！！/.test(a) ? 1 : 0))),
  };
}

export interface SamplesPage {
  title: string;
  /** Paragraphs above the table (plain text, escaped). */
  intro: string[];
  /** One column per model. */
  models: string[];
  rows: { prompt: string; answers: string[] }[];
}

export function samplesHtml(page: SamplesPage): string {
  const cell = (text: string, tag = 'td') => `<${tag}>${escapeXml(text)}</${tag}>`;
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeXml(page.title)}</title>`,
    '<style>body{font-family:sans-serif;margin:2rem}table{border-collapse:collapse}' +
      'td,th{border:1px solid #ccc;padding:.4rem .6rem;vertical-align:top;white-space:pre-wrap}' +
      'th{background:#f4f4f4}</style>',
    '</head><body>',
    cell(page.title, 'h1'),
    ...page.intro.map((p) => cell(p, 'p')),
    '<table>',
    `<tr>${cell('prompt', 'th')}${page.models.map((m) => cell(m, 'th')).join('')}</tr>`,
    ...page.rows.map(
      (row) => `<tr>${cell(row.prompt)}${row.answers.map((a) => cell(a)).join('')}</tr>`,
    ),
    '</table>',
    '</body></html>',
    '',
  ].join('\n');
}

/** samples.json (the answers as data) and samples.html (the page) in `outDir`. */
export async function writeSamples(
  outDir: string,
  samples: unknown,
  page: SamplesPage,
): Promise<void> {
  await writeJson(outDir, 'samples.json', samples);
  await writeFile(path.join(outDir, 'samples.html'), samplesHtml(page));
}
