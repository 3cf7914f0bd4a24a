// The hostile variants of one valid request, for the bad-input suite (check-bad-inputs.ts). Each
// mutation says what it expects: `reject` (invalid whatever the endpoint's schema: a 4xx naming
// the field when it targets one) or `survive` (maybe valid, maybe not: anything but a 5xx).
// Generated from the sample's own JSON, so a new endpoint gets them by listing one valid request.

export interface SampleRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** With `:name` placeholders for `params`, e.g. `/api/conversations/:id/messages`. */
  path: string;
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** A JSON body. */
  body?: unknown;
  headers?: Record<string, string>;
  /** The status the sample itself gets (default: any 2xx), e.g. 404 for an id nothing holds. */
  status?: number;
  /** Body fields that take more than one JSON type (JSON-RPC's `id`): another type may pass. */
  anyType?: string[];
}

export interface Mutation {
  name: string;
  expect: 'reject' | 'survive';
  /** The field a `reject` must name (as errors write it: `messages[0].content`). */
  field?: string;
  method: SampleRequest['method'];
  url: string;
  headers: Record<string, string>;
  /** The raw body (JSON text unless the headers say otherwise). */
  body?: string;
}

type Path = Array<string | number>;

const MAX_FIELDS = 24;
const DEEP = 70;
const TRAVERSAL = '../../../../etc/passwd';
const UNICODE = '中文 𠀀 🎉 العربية';
const JSON_TYPE = { 'content-type': 'application/json' };

const nest = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

function formatPath(path: Path): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key),
    '',
  );
}

/** Every field of a JSON value with its path, objects before their fields, up to MAX_FIELDS. */
function fieldsOf(value: unknown, path: Path = [], out: Array<[Path, unknown]> = []) {
  if (out.length >= MAX_FIELDS) return out;
  if (path.length > 0) out.push([path, value]);
  if (Array.isArray(value)) value.forEach((item, index) => fieldsOf(item, [...path, index], out));
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) fieldsOf(item, [...path, key], out);
  return out.slice(0, MAX_FIELDS);
}

const REMOVE = Symbol('remove');

function replaceAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [key, ...rest] = path as [string | number, ...Path];
  if (Array.isArray(value)) {
    const copy = [...(value as unknown[])];
    if (rest.length === 0 && replacement === REMOVE) copy.splice(key as number, 1);
    else copy[key as number] = replaceAt(copy[key as number], rest, replacement);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  if (rest.length === 0 && replacement === REMOVE) delete copy[key];
  else copy[key] = replaceAt(copy[key], rest, replacement);
  return copy;
}
/** A value of another JSON type than `value`. */
function wrongType(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return 'not a number';
  if (typeof value === 'boolean') return 'yes';
  if (Array.isArray(value)) return 'not a list';
  if (value && typeof value === 'object') return 'not an object';
  return { unexpected: true };
}

export function mutateRequest(sample: SampleRequest): Mutation[] {
  const mutations: Mutation[] = [];
  const urlOf = (params = sample.params ?? {}, query = sample.query) => {
    const path = sample.path.replace(/:(\w+)/g, (_m, name: string) => params[name] ?? '');
    const search = query ? new URLSearchParams(query).toString() : '';
    return search ? `${path}?${search}` : path;
  };
  const base = {
    method: sample.method,
    url: urlOf(),
    headers: { ...(sample.body === undefined ? {} : JSON_TYPE), ...sample.headers },
    ...(sample.body === undefined ? {} : { body: JSON.stringify(sample.body) }),
  };
  const add = (mutation: Partial<Mutation> & Pick<Mutation, 'name' | 'expect'>) =>
    mutations.push({ ...base, ...mutation, headers: { ...base.headers, ...mutation.headers } });

  for (const [name, value] of Object.entries(sample.params ?? {})) {
    const withParam = (text: string) => urlOf({ ...sample.params, [name]: text });
    add({
      name: `param ${name}: NUL`,
      expect: 'reject',
      field: name,
      url: withParam(`${value}%00`),
    });
    for (const [label, text] of [
      ['traversal', encodeURIComponent(TRAVERSAL)],
      ['unicode', encodeURIComponent(UNICODE)],
      ['__proto__', '__proto__'],
      ['2,000 characters', 'x'.repeat(2000)],
    ])
      add({ name: `param ${name}: ${label}`, expect: 'survive', url: withParam(text!) });
  }

  for (const name of Object.keys(sample.query ?? {})) {
    const withQuery = (text: string | undefined) => {
      const query = { ...sample.query };
      if (text === undefined) delete query[name];
      else query[name] = text;
      return urlOf(undefined, query);
    };
    add({ name: `query ${name}: NUL`, expect: 'reject', field: name, url: withQuery('a\u0000b') });
    for (const [label, text] of [
      ['missing', undefined],
      ['empty', ''],
      ['unicode', UNICODE],
      ['traversal', TRAVERSAL],
      ['__proto__', '__proto__'],
      ['8,000 characters', '长'.repeat(8000)],
    ] as const)
      add({ name: `query ${name}: ${label}`, expect: 'survive', url: withQuery(text) });
    add({
      name: `query ${name}: repeated`,
      expect: 'survive',
      url: `${withQuery(sample.query?.[name])}&${encodeURIComponent(name)}=again`,
    });
  }

  if (sample.body !== undefined) mutateBody(sample.body, add, new Set(sample.anyType));
  return mutations;
}

function mutateBody(
  body: unknown,
  add: (mutation: Partial<Mutation> & Pick<Mutation, 'name' | 'expect'>) => void,
  anyType: ReadonlySet<string>,
): void {
  const send = (value: unknown) => JSON.stringify(value);
  add({ name: 'body: broken JSON', expect: 'reject', body: send(body).slice(0, -1) });
  add({ name: 'body: JSON null', expect: 'reject', body: 'null' });
  add({ name: 'body: a JSON string', expect: 'reject', body: '"text"' });
  add({ name: 'body: nested 70 deep', expect: 'reject', body: send(nest(DEEP)) });
  add({ name: 'body: 2 MB', expect: 'reject', body: send({ padding: 'x'.repeat(2 << 20) }) });
  add({
    name: 'body: utf-16 charset',
    expect: 'reject',
    headers: { 'content-type': 'application/json; charset=utf-16' },
  });
  add({ name: 'body: empty object', expect: 'survive', body: '{}' });
  add({ name: 'body: empty', expect: 'survive', body: '' });
  add({ name: 'body: a list', expect: 'survive', body: send([body]) });
  add({
    name: 'body: sent as text/plain',
    expect: 'survive',
    headers: { 'content-type': 'text/plain' },
  });
  add({ name: 'body: no content-type', expect: 'survive', headers: { 'content-type': '' } });
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    add({ name: 'body: extra field', expect: 'survive', body: send({ ...body, unexpected: 1 }) });
    for (const key of ['__proto__', 'constructor', 'prototype'])
      add({
        name: `body: a "${key}" key`,
        expect: 'survive',
        body: `{"${key}":{"polluted":true},${send(body).slice(1)}`,
      });
  }

  for (const [path, value] of fieldsOf(body)) {
    const field = formatPath(path);
    const at = (replacement: unknown) => send(replaceAt(body, path, replacement));
    const typed = anyType.has(field) ? 'survive' : 'reject';
    add({ name: `${field}: wrong type`, expect: typed, field, body: at(wrongType(value)) });
    add({ name: `${field}: nested 70 deep`, expect: 'reject', field, body: at(nest(DEEP)) });
    if (typeof value === 'string') {
      add({ name: `${field}: NUL`, expect: 'reject', field, body: at(`${value}\u0000`) });
      add({
        name: `${field}: lone surrogate`,
        expect: 'reject',
        field,
        body: at(`${value}\ud800`),
      });
      for (const [label, text] of [
        ['empty', ''],
        ['unicode', UNICODE],
        ['traversal', TRAVERSAL],
        ['__proto__', '__proto__'],
        ['constructor', 'constructor'],
        ['100 KB', '长'.repeat(34_000)],
      ] as const)
        add({ name: `${field}: ${label}`, expect: 'survive', body: at(text) });
    }
    if (typeof value === 'number')
      for (const number of [-1, 0, 1.5, 1e308])
        add({ name: `${field}: ${number}`, expect: 'survive', body: at(number) });
    add({
      name: `${field}: missing`,
      expect: 'survive',
      body: send(replaceAt(body, path, REMOVE)),
    });
    add({ name: `${field}: null`, expect: 'survive', body: at(null) });
  }
}
