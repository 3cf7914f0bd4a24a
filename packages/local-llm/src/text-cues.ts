// Pulls the values a user message offers to a schema: numbers, places, proper names, dates,
// e-mail addresses and URLs. Best effort and deterministic; the README documents the rules.
import { quoteText } from './text-utils.js';

export interface TextCues {
  text: string;
  /** The first few words of the message, for free-text string fields. */
  phrase: string;
  numbers: number[];
  /** Place-like phrases, several when joined by "and", "," or 和 ("Paris and London"). */
  places: string[];
  /** Capitalised words and phrases (CJK: the place candidates), for name-like fields. */
  names: string[];
  dates: string[];
  emails: string[];
  urls: string[];
}

const PREPOSITION = /\b(?:in|at|for|of|near|from|to)\s+([^?.!;:\n]+)/gi;
// Words that end a place phrase: "Paris today", "London right now", "Tokyo in Celsius".
const PHRASE_END =
  /\s+(?:today|tomorrow|tonight|now|right|please|this|next|on|in|at|for|with|by|using|vs|versus|then|like)\b.*$/i;
const LIST_SEPARATOR = /\s*(?:,|、|，|&|\band\b|\bor\b|和|与|及)\s*/i;
const CAPITALISED = /\b\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*/gu;
// Chinese: the CJK run before 的/天气/时间…, after leading filler such as 请问/今天.
const CJK_LEAD =
  /^(?:请问|请|帮我|查询|查一下|查查|看看|告诉我|今天|明天|现在|那么|那|生成|列出|给我|介绍一下|介绍)+/u;
const CJK_PLACE_END = /(?:的|天气|气温|时间|现在|今天|明天|怎么样|几点|温度|下雨|多少)/u;

function splitList(phrase: string): string[] {
  return phrase
    .split(LIST_SEPARATOR)
    .map((part) => part.trim().replace(/^the\s+/i, ''))
    .filter((part) => part.length > 0);
}

function isCapitalised(part: string): boolean {
  return /^\p{Lu}/u.test(part) || /^\p{Script=Han}/u.test(part);
}

function englishPlaces(text: string): string[] {
  let fallback: string[] = [];
  for (const match of text.matchAll(PREPOSITION)) {
    const phrase = (match[1] ?? '').replace(PHRASE_END, '');
    const parts = splitList(phrase);
    const proper = parts.filter(isCapitalised);
    if (proper.length > 0) return proper;
    if (fallback.length === 0 && parts.length > 0)
      fallback = parts.filter((p) => p.split(' ').length <= 3);
  }
  return fallback;
}

function chinesePlaces(text: string): string[] {
  for (const clause of text.split(/[，。？！?!,\s]+/u)) {
    const lead = clause.replace(CJK_LEAD, '');
    const end = lead.search(CJK_PLACE_END);
    if (end <= 0) continue;
    // `·` joins transliterated foreign names (汤姆·汉克斯).
    const places = splitList(lead.slice(0, end)).filter((p) => /^[\p{Script=Han}·]+$/u.test(p));
    if (places.length > 0) return places;
  }
  return [];
}

// The first word of a sentence is capitalised anyway: only count it when it is not a question
// word or an imperative ("Generate the filmography of Tom Hanks" names Tom Hanks, not Generate).
const NOT_NAMES = new Set(
  [
    "I What Whats What’s What's Who How Why When Where Which Is Are Do Does Can Could Please Tell",
    'Hi Hello The A An My Give Show Find Get Generate Create List Write Make Describe Explain',
    'Summarize Summarise Translate Extract Recommend Suggest Compare Provide Return Produce',
    'Build Plan Search Look Check Calculate Convert Name',
  ]
    .join(' ')
    .split(' '),
);

function properNames(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(CAPITALISED)) {
    const words = match[0].split(/\s+/).filter((w) => !NOT_NAMES.has(w));
    if (words.length > 0) names.push(words.join(' '));
  }
  return names;
}

export function extractCues(text: string): TextCues {
  const places = englishPlaces(text);
  const cjkPlaces = places.length === 0 ? chinesePlaces(text) : [];
  const names = properNames(text);
  return {
    text,
    phrase: quoteText(text.split(/\s+/).slice(0, 8).join(' '), 80).replace(/[\p{P}\s]+$/u, ''),
    // Dates and URLs are taken out first so "2025-06-01" does not read as three numbers.
    numbers: (
      text.replace(/\S*\d{4}-\d{2}-\d{2}\S*|https?:\/\/\S+/g, ' ').match(/-?\d+(?:\.\d+)?/g) ?? []
    ).map(Number),
    places: places.length > 0 ? places : cjkPlaces.length > 0 ? cjkPlaces : names.slice(0, 1),
    names: names.length > 0 ? names : cjkPlaces,
    dates: text.match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? [],
    emails: text.match(/[\w.+-]+@[\w-]+\.[\w.-]+/g) ?? [],
    urls: text.match(/https?:\/\/[^\s"'<>]+/g) ?? [],
  };
}
