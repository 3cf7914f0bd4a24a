// Rule 2: decides which tools to call and with which arguments. A tool is called when a word of its
// name or description appears in the user's message (Chinese through a small synonym map), and
// its arguments are built from the tool's JSON schema so they always validate.
import type { ToolCall, ToolChoice, ToolDefinition } from './chat-request.js';
import { isRecord } from './chat-request.js';
import { newId } from './ids.js';
import { PLACE_KEY, valueFromSchema } from './json-from-schema.js';
import { extractCues, type TextCues } from './text-cues.js';
import { identifierWords, latinWords, STOP_WORDS, stem, toHalfWidth } from './text-utils.js';

const CJK_SYNONYMS: Record<string, string> = {
  天气: 'weather forecast temperature',
  气温: 'weather temperature',
  温度: 'temperature weather',
  下雨: 'weather rain',
  时间: 'time date clock',
  几点: 'time clock',
  日期: 'date time',
  几号: 'date',
  星期几: 'date day',
  周几: 'date day',
  计算: 'calculate calculator math compute',
  等于: 'calculate calculator math',
  搜索: 'search find',
  查找: 'search find',
  翻译: 'translate translation',
  汇率: 'exchange rate currency',
  股票: 'stock price',
  股价: 'stock price',
  新闻: 'news',
  邮件: 'email mail',
  文件: 'file',
  位置: 'location',
  地址: 'address location',
  提醒: 'reminder remind',
  日历: 'calendar',
  航班: 'flight',
  酒店: 'hotel',
  餐厅: 'restaurant',
};

function userTerms(text: string): Set<string> {
  const words = latinWords(text);
  for (const [cjk, english] of Object.entries(CJK_SYNONYMS))
    if (text.includes(cjk)) words.push(...english.split(' '));
  // "What is 12 * 7?" names no tool, but a calculator is clearly wanted.
  if (/\d\s*[+\-*/×÷^]\s*[\d(]/.test(toHalfWidth(text)))
    words.push('calculate', 'calculator', 'math', 'compute');
  return new Set(words.filter((w) => !STOP_WORDS.has(w)).map(stem));
}

function toolTerms(tool: ToolDefinition): string[] {
  return identifierWords(`${tool.name} ${tool.description}`)
    .filter((w) => !STOP_WORDS.has(w))
    .map(stem);
}

function selectTools(tools: ToolDefinition[], choice: ToolChoice, text: string): ToolDefinition[] {
  if (choice === 'none') return [];
  if (choice === 'required') return tools;
  if (typeof choice === 'object') return tools.filter((t) => t.name === choice.name);
  const terms = userTerms(text);
  return tools.filter((tool) => toolTerms(tool).some((w) => terms.has(w)));
}

/** The top-level string property a list of places fans out over ("Paris and London"). */
function placeProperty(tool: ToolDefinition): string | undefined {
  const properties = isRecord(tool.parameters.properties) ? tool.parameters.properties : {};
  return Object.entries(properties).find(
    ([key, schema]) =>
      PLACE_KEY.test(key) && isRecord(schema) && (schema.type ?? 'string') === 'string',
  )?.[0];
}

function callFor(tool: ToolDefinition, cues: TextCues): ToolCall {
  const args = valueFromSchema(tool.parameters, cues, { includeOptional: false });
  return { id: newId('call_'), name: tool.name, arguments: JSON.stringify(args ?? {}) };
}

/** Tool calls for the user's last message; empty when no tool fits (later rules then answer). */
export function planToolCalls(
  tools: ToolDefinition[],
  choice: ToolChoice,
  text: string,
): ToolCall[] {
  const cues = extractCues(text);
  return selectTools(tools, choice, text).flatMap((tool) => {
    if (placeProperty(tool) && cues.places.length > 1)
      return cues.places.map((place) =>
        callFor(tool, { ...cues, places: [place], names: [place] }),
      );
    return [callFor(tool, cues)];
  });
}
