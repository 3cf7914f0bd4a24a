import { describe, expect, it } from 'vitest';
import { describeErrorFrames, describeErrorKind } from './describe-error-for-log.js';

describe('describing an error for a log line', () => {
  it('gives kinds and codes down the cause chain, never the messages', () => {
    const database = Object.assign(new Error('invalid byte sequence'), { code: '22P05' });
    const query = new Error('Failed query: insert into messages values ($1) params: 我的秘密', {
      cause: database,
    });
    query.name = 'DrizzleQueryError';
    const kind = describeErrorKind(query);
    expect(kind).toBe('DrizzleQueryError ← Error[22P05]');
    expect(kind).not.toContain('秘密');
    expect(describeErrorKind('a string')).toBe('string');
  });

  it('keeps the stack frames with paths relative to the working folder', () => {
    const error = new Error('user text 用户的消息');
    error.stack = [
      'Error: user text 用户的消息',
      '    at save (/srv/app/dist/chat/chat.service.js:12:5)',
      '    at run (file:///srv/app/node_modules/@repo/memory/dist/sql.js:40:9)',
      '    at other (/home/someone/secret-project/x.js:1:1)',
      '    at new Promise (<anonymous>)',
    ].join('\n');
    expect(describeErrorFrames(error, '/srv/app')).toEqual([
      'at save (dist/chat/chat.service.js:12:5)',
      'at run (node_modules/@repo/memory/dist/sql.js:40:9)',
      'at other (x.js:1:1)',
      'at new Promise (<anonymous>)',
    ]);
  });
});
