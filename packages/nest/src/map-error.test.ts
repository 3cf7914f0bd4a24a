import { readFileSync } from 'node:fs';
import { AiError, InvalidInputError, type ErrorKind } from '@repo/core';
import { describe, expect, it } from 'vitest';
import { STATUS_BY_KIND, toHttpError } from './map-error.js';

const EXPECTED: [ErrorKind, number][] = [
  ['invalid_input', 400],
  ['unauthenticated', 401],
  ['not_found', 404],
  ['conflict', 409],
  ['too_large', 413],
  ['unsupported_media_type', 415],
  ['unprocessable', 422],
  ['rate_limited', 429],
  ['overloaded', 429],
  ['aborted', 499],
  ['internal', 500],
  ['upstream_failure', 502],
  ['model_output_unusable', 502],
  ['unavailable', 503],
  ['timeout', 504],
];

describe('the one error table', () => {
  it('is the table docs/architecture.md shows', () => {
    const docs = readFileSync(new URL('../../../docs/architecture.md', import.meta.url), 'utf8');
    const rows = [...docs.matchAll(/^\| `([a-z_]+)` +\| (\d{3}) +\|/gm)].map(([, kind, status]) => [
      kind,
      Number(status),
    ]);
    expect(rows.sort()).toEqual(Object.entries(STATUS_BY_KIND).sort());
  });

  it('has a status for every kind, and only these', () => {
    expect(Object.entries(STATUS_BY_KIND).sort()).toEqual([...EXPECTED].sort());
  });

  it.each(EXPECTED.filter(([kind]) => !['aborted', 'internal'].includes(kind)))(
    'an error of kind %s from any package answers %i with its message and details',
    (kind, status) => {
      const details = [{ field: 'files', reason: '报告.pdf: 不是有效的 PDF' }];
      const mapped = toHttpError(new AiError('文件无法读取', { kind, details }));
      expect(mapped.status).toBe(status);
      expect(mapped.body).toMatchObject({ statusCode: status, message: '文件无法读取', details });
    },
  );

  it('a subclass of bad input keeps its narrower kind (a 413 is still caught as bad input)', () => {
    const error = new InvalidInputError(
      'Too large',
      [{ field: 'path', reason: 'at most 10 bytes' }],
      {
        kind: 'too_large',
      },
    );
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(toHttpError(error).status).toBe(413);
  });

  it('an internal error hides its message; a client that left gets nothing', () => {
    const internal = toHttpError(new AiError('SELECT * FROM secrets'));
    expect(internal).toMatchObject({ status: 500, unexpected: true });
    expect(internal.body?.message).toBe('Internal server error.');
    expect(toHttpError(new AiError('gone', { kind: 'aborted' })).body).toBeUndefined();
  });

  it('Retry-After comes with a 429 when the error says how long to wait', () => {
    const mapped = toHttpError(new AiError('busy', { kind: 'overloaded', retryAfterMs: 1500 }));
    expect(mapped.headers).toEqual({ 'Retry-After': '2' });
    expect(mapped.body?.retryAfter).toBe(2);
  });
});
