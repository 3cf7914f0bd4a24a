// Every provider's status words, mapped; unknown words stay visible as `unknown`.
import { describe, expect, it } from 'vitest';
import {
  AZURE_STATUSES,
  DASHSCOPE_STATUSES,
  mapStatus,
  OPENAI_STATUSES,
  TOGETHER_STATUSES,
} from './status-maps.js';

const mapAll = (table: typeof OPENAI_STATUSES, words: string[]) =>
  Object.fromEntries(words.map((word) => [word, mapStatus(table, word)]));

describe('status mapping tables', () => {
  it('OpenAI', () => {
    expect(
      mapAll(OPENAI_STATUSES, [
        'validating_files',
        'queued',
        'running',
        'succeeded',
        'failed',
        'cancelled',
        'paused',
        'cancelling',
      ]),
    ).toEqual({
      validating_files: 'validating',
      queued: 'queued',
      running: 'running',
      succeeded: 'succeeded',
      failed: 'failed',
      cancelled: 'cancelled',
      paused: 'paused',
      cancelling: 'unknown', // Azure's word, not OpenAI's
    });
  });

  it('Azure OpenAI adds cancelling', () => {
    expect(mapStatus(AZURE_STATUSES, 'cancelling')).toBe('cancelling');
    expect(mapStatus(AZURE_STATUSES, 'validating_files')).toBe('validating');
    expect(Object.keys(AZURE_STATUSES)).toHaveLength(8);
  });

  it('Together', () => {
    expect(
      mapAll(TOGETHER_STATUSES, [
        'pending',
        'queued',
        'running',
        'compressing',
        'uploading',
        'cancel_requested',
        'cancelled',
        'error',
        'completed',
      ]),
    ).toEqual({
      pending: 'queued',
      queued: 'queued',
      running: 'running',
      compressing: 'running',
      uploading: 'running',
      cancel_requested: 'cancelling',
      cancelled: 'cancelled',
      error: 'failed',
      completed: 'succeeded',
    });
  });

  it('DashScope; other words are unknown', () => {
    expect(
      mapAll(DASHSCOPE_STATUSES, [
        'PENDING',
        'RUNNING',
        'SUCCEEDED',
        'FAILED',
        'CANCELED',
        'QUEUING',
        'succeeded',
        'toString',
      ]),
    ).toEqual({
      PENDING: 'queued',
      RUNNING: 'running',
      SUCCEEDED: 'succeeded',
      FAILED: 'failed',
      CANCELED: 'cancelled',
      QUEUING: 'unknown',
      succeeded: 'unknown',
      toString: 'unknown',
    });
  });
});
