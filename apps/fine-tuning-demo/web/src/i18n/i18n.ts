// The page's language (中文 or English): chosen once from navigator.language, switched with the
// toggle and kept in localStorage. `t` fills a message's `{name}` placeholders.
import { EN, ZH, type MessageKey } from './messages.js';

export type Lang = 'en' | 'zh';

const KEY = 'fine-tuning.lang';

function initialLang(): Lang {
  const stored = localStorage.getItem(KEY);
  if (stored === 'en' || stored === 'zh') return stored;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

let lang: Lang = initialLang();

export function currentLang(): Lang {
  return lang;
}

export function setLang(next: Lang): void {
  lang = next;
  localStorage.setItem(KEY, next);
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
}

/** The message in the current language; `params` may be any object (a Progress, a Leaderboard). */
export function t(key: MessageKey, params: object = {}): string {
  const template: string = (lang === 'zh' ? ZH : EN)[key];
  const values = params as Record<string, unknown>;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}

/** A number for display: fixed decimals, or an en dash when there is none. */
export function formatNumber(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined || !Number.isFinite(value)
    ? '–'
    : value.toFixed(digits);
}
