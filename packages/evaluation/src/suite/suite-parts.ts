// The parts of a validated suite file turned into what the runner takes: prompts (text, `{raw}`,
// `{messages}` or `file://`, placeholders normalised) and providers (OpenAI's `response_format`
// as @repo/core's ResponseFormat).
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { ResponseFormat } from '@repo/core';
import type { SuitePrompt, SuiteProvider } from './eval-suite.js';
import { normalizePlaceholders } from './suite-templates.js';
import type { SuiteFile } from './suite-schema.js';

export function toPrompt(
  prompt: SuiteFile['prompts'][number],
  index: number,
  baseDir: string | undefined,
  fail: (reason: string) => void,
): SuitePrompt {
  if (typeof prompt === 'string' && prompt.startsWith('file://')) {
    if (baseDir === undefined) {
      fail('file:// prompts are not allowed here; put the prompt text in the suite');
      return { label: `prompt ${index + 1}`, messages: [] };
    }
    const path = resolve(baseDir, prompt.slice('file://'.length));
    try {
      return {
        label: basename(path),
        messages: [{ role: 'user', content: normalizePlaceholders(readFileSync(path, 'utf8')) }],
      };
    } catch {
      fail(`cannot read ${path}`);
      return { label: `prompt ${index + 1}`, messages: [] };
    }
  }
  if (typeof prompt === 'string')
    return {
      label: cut(prompt),
      messages: [{ role: 'user', content: normalizePlaceholders(prompt) }],
    };
  if ('raw' in prompt)
    return {
      label: prompt.label ?? cut(prompt.raw),
      messages: [{ role: 'user', content: normalizePlaceholders(prompt.raw) }],
    };
  const messages = prompt.messages.map((message) => ({
    ...message,
    content: normalizePlaceholders(message.content),
  }));
  return { label: prompt.label ?? cut(messages.at(-1)?.content ?? ''), messages };
}

export function toProvider(provider: SuiteFile['providers'][number]): SuiteProvider {
  if (typeof provider === 'string') return { id: provider, label: provider, config: {} };
  const { response_format: format, ...config } = provider.config ?? {};
  return {
    id: provider.id,
    label: provider.label ?? provider.id,
    config: format === undefined ? config : { ...config, responseFormat: toResponseFormat(format) },
  };
}

function toResponseFormat(
  format: NonNullable<
    NonNullable<Exclude<SuiteFile['providers'][number], string>['config']>['response_format']
  >,
): ResponseFormat {
  if (format.type === 'text') return { type: 'text' };
  if (format.type === 'json_object') return { type: 'json' };
  return { type: 'json-schema', ...format.json_schema };
}

function cut(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}
