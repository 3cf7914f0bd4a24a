// parseFilter: every operator and spelling, precedence, literals, and errors that name the column.
import { InvalidInputError } from '@repo/core';
import { describe, expect, it } from 'vitest';
import { parseFilter } from './filter-parser.js';
import { FilterSyntaxError } from './rag-errors.js';
import type { FilterExpression } from './rag-types.js';

const eq = (key: string, value: string | number | boolean | null): FilterExpression => ({
  type: 'compare',
  op: '==',
  key,
  value,
});

describe('parseFilter', () => {
  it.each(['==', '!=', '>', '>=', '<', '<='] as const)('parses the comparison %s', (op) => {
    expect(parseFilter(`year ${op} 2020`)).toEqual({
      type: 'compare',
      op,
      key: 'year',
      value: 2020,
    });
  });

  it('parses in, nin and their Spring spellings IN, NIN, NOT IN', () => {
    const inList = { type: 'in', key: 'genre', values: ['drama', 'comedy'] };
    const ninList = { ...inList, type: 'nin' };
    expect(parseFilter("genre in ['drama', 'comedy']")).toEqual(inList);
    expect(parseFilter("genre IN ['drama','comedy']")).toEqual(inList);
    expect(parseFilter("genre nin ['drama', 'comedy']")).toEqual(ninList);
    expect(parseFilter("genre NIN ['drama', 'comedy']")).toEqual(ninList);
    expect(parseFilter("genre NOT IN ['drama', 'comedy']")).toEqual(ninList);
    expect(parseFilter('year in [2019, 2020.5, -1, true, null]')).toEqual({
      type: 'in',
      key: 'year',
      values: [2019, 2020.5, -1, true, null],
    });
    expect(parseFilter('year in []')).toEqual({ type: 'in', key: 'year', values: [] });
  });

  it('reads && and AND, || and OR, ! and NOT', () => {
    const and = { type: 'and', left: eq('a', 1), right: eq('b', 2) };
    expect(parseFilter('a == 1 && b == 2')).toEqual(and);
    expect(parseFilter('a == 1 AND b == 2')).toEqual(and);
    expect(parseFilter('a == 1 and b == 2')).toEqual(and);
    const or = { type: 'or', left: eq('a', 1), right: eq('b', 2) };
    expect(parseFilter('a == 1 || b == 2')).toEqual(or);
    expect(parseFilter('a == 1 OR b == 2')).toEqual(or);
    expect(parseFilter('!(a == 1)')).toEqual({ type: 'not', operand: eq('a', 1) });
    expect(parseFilter('NOT a == 1')).toEqual({ type: 'not', operand: eq('a', 1) });
  });

  it('binds ! tighter than &&, and && tighter than ||, left to right', () => {
    expect(parseFilter('a == 1 || b == 2 && !c == 3')).toEqual({
      type: 'or',
      left: eq('a', 1),
      right: { type: 'and', left: eq('b', 2), right: { type: 'not', operand: eq('c', 3) } },
    });
    expect(parseFilter('a == 1 && b == 2 || c == 3')).toEqual({
      type: 'or',
      left: { type: 'and', left: eq('a', 1), right: eq('b', 2) },
      right: eq('c', 3),
    });
    expect(parseFilter('a == 1 || b == 2 || c == 3')).toEqual({
      type: 'or',
      left: { type: 'or', left: eq('a', 1), right: eq('b', 2) },
      right: eq('c', 3),
    });
  });

  it('lets parentheses override precedence, nested', () => {
    expect(parseFilter('(a == 1 || b == 2) && !(c == 3 || (d == 4))')).toEqual({
      type: 'and',
      left: { type: 'or', left: eq('a', 1), right: eq('b', 2) },
      right: { type: 'not', operand: { type: 'or', left: eq('c', 3), right: eq('d', 4) } },
    });
  });

  it('reads strings in either quote with escapes, CJK, numbers, booleans, null, dotted and quoted keys', () => {
    expect(parseFilter(`s == 'it\\'s "ok"'`)).toEqual(eq('s', `it's "ok"`));
    expect(parseFilter(`s == "say \\"hi\\"\\n\\u4e2d\\\\"`)).toEqual(eq('s', 'say "hi"\n中\\'));
    expect(parseFilter("类别 == '数据库' && 作者.名字 == '张三'")).toEqual({
      type: 'and',
      left: eq('类别', '数据库'),
      right: eq('作者.名字', '张三'),
    });
    expect(parseFilter('n == -1.5e3')).toEqual(eq('n', -1500));
    expect(parseFilter('ok == TRUE || ok == false || x == null')).toEqual({
      type: 'or',
      left: { type: 'or', left: eq('ok', true), right: eq('ok', false) },
      right: eq('x', null),
    });
    expect(parseFilter('meta.author == "ann"')).toEqual(eq('meta.author', 'ann'));
    expect(parseFilter("'first name' == 'Ann'")).toEqual(eq('first name', 'Ann'));
  });

  it.each([
    ['genre == ', 9, "Invalid filter: Expected a value after '==' at position 9"],
    ["genre = 'drama'", 6, "Expected '==' at position 6, found '='"],
    ["genre == 'drama' && ", 20, "Expected a key, '!' or '(' after '&&' at position 20"],
    ["(genre == 'drama'", 17, "Expected ')' or a connective (&&, ||) after 'drama' at position 17"],
    [
      "genre == 'drama' year > 1",
      17,
      "Expected '&&', '||' or the end of the filter after 'drama' at position 17, found 'year'",
    ],
    ['year > true', 7, "Expected a number or a string after '>' at position 7, found 'true'"],
    ["genre in 'drama'", 9, "Expected '[' after 'in' at position 9"],
    ["genre in ['a' 'b']", 14, "Expected ',' or ']' after 'a' at position 14"],
    ["genre not like 'x'", 10, "Expected 'in' after 'not' at position 10, found 'like'"],
    [
      'genre',
      5,
      "Expected an operator (==, !=, >, >=, <, <=, in, nin or not in) after 'genre' at position 5",
    ],
    [
      "genre == 'drama",
      15,
      "Expected a closing ' for the string that starts at position 9 at position 15",
    ],
    ['', 0, "Expected a key, '!' or '(' at position 0"],
    ['a == 1 && and == 2', 10, "Expected a key, '!' or '(' after '&&' at position 10, found 'and'"],
    [
      "名字 == '张三' && # ",
      14,
      "Expected a key, a value, an operator or a parenthesis at position 14, found '#'",
    ],
  ])('reports %j at position %i', (filter, position, message) => {
    let error: unknown;
    try {
      parseFilter(filter);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(FilterSyntaxError);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({
      position,
      filter,
      code: 'filter_syntax',
      details: [{ field: 'filter' }],
    });
    expect((error as Error).message).toContain(message);
  });
});
