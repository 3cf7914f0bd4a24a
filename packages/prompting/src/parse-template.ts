// Splits a template into literal text and placeholders (the parsing half of Spring AI's
// StTemplateRenderer). Anything that is not exactly <start><identifier><end> stays literal, so
// JSON examples and stray braces in prompts need no escaping.
import { TemplateError } from './prompting-errors.js';

export type Delimiters = readonly [start: string, end: string];

export type TemplateSegment = { type: 'text'; text: string } | { type: 'variable'; name: string };

export const DEFAULT_DELIMITERS: Delimiters = ['{', '}'];

// `name`, `user_name`, `user.name`, `items.0`: ASCII identifiers joined by dots. No spaces, so
// `{ }`, `{"a": 1}` and `{a b}` are never placeholders.
const IDENTIFIER = /[A-Za-z_$][\w$]*(?:\.[\w$]+)*/y;

export function checkDelimiters(delimiters: Delimiters): void {
  const [start, end] = delimiters;
  if (typeof start !== 'string' || typeof end !== 'string' || start === '' || end === '')
    throw new TemplateError('Template delimiters must be two non-empty strings.', [
      { field: 'delimiters', reason: 'must be two non-empty strings' },
    ]);
  if (/\s|\\/.test(start + end))
    throw new TemplateError('Template delimiters must not contain spaces or backslashes.', [
      { field: 'delimiters', reason: 'must not contain spaces or backslashes' },
    ]);
}

/** Parses `template`; a backslash right before the start delimiter makes it literal. */
export function parseTemplate(
  template: string,
  delimiters: Delimiters = DEFAULT_DELIMITERS,
): TemplateSegment[] {
  checkDelimiters(delimiters);
  const [start, end] = delimiters;
  const segments: TemplateSegment[] = [];
  let text = '';
  let i = 0;
  while (i < template.length) {
    if (template.startsWith('\\' + start, i)) {
      text += start;
      i += 1 + start.length;
      continue;
    }
    if (template.startsWith(start, i)) {
      IDENTIFIER.lastIndex = i + start.length;
      const match = IDENTIFIER.exec(template);
      const after = IDENTIFIER.lastIndex;
      if (match && template.startsWith(end, after)) {
        if (text) segments.push({ type: 'text', text });
        text = '';
        segments.push({ type: 'variable', name: match[0] });
        i = after + end.length;
        continue;
      }
    }
    // Not a placeholder: keep one character and look again from the next one, so `{{name}`
    // is a literal `{` followed by a placeholder.
    text += template.charAt(i);
    i++;
  }
  if (text) segments.push({ type: 'text', text });
  return segments;
}

/** Placeholder names in order of first appearance, without duplicates. */
export function variablesOf(segments: TemplateSegment[]): string[] {
  const names = new Set<string>();
  for (const segment of segments) if (segment.type === 'variable') names.add(segment.name);
  return [...names];
}
