// JSON Schema validation of a model's structured output (promptfoo's `is-json` with a schema),
// with ajv 8. Draft-07 by default, 2020-12 when the schema's `$schema` says so: one ajv instance
// cannot hold both drafts. `pattern` keywords run on RE2 (linear-regex.ts), like regex assertions:
// a schema's `(a+)+$` must not cost exponential time on every output it checks.
import AjvModule from 'ajv';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ErrorObject, Options, ValidateFunction } from 'ajv';
import { compileRegex } from '../linear-regex.js';
import { MetricInputError } from './metrics-errors.js';

// ajv is CommonJS with `exports.default = Ajv`. Under NodeNext, TypeScript types a default import of
// CommonJS as the whole `module.exports`, so the class is `.default`, which exists at runtime too.
const Ajv = AjvModule.default;
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;
type Ajv07 = InstanceType<typeof Ajv>;
type Ajv20 = InstanceType<typeof Ajv2020>;

/** ajv's pluggable regex engine; `toString` keys ajv's cache of compiled patterns. */
const re2Engine = Object.assign(
  (pattern: string) => {
    const matcher = compileRegex(pattern);
    return { test: (text: string) => matcher.test(text), toString: () => `/${pattern}/` };
  },
  { code: 're2js' },
);

const AJV_OPTIONS: Options = {
  code: { regExp: re2Engine },
  // Every problem at once, so a report shows all of them.
  allErrors: true,
  // Unknown keywords (a typo like `requried`) still fail the schema; these two would only log.
  strictTypes: false,
  strictTuples: false,
  // Suites are re-read into new objects; keeping schemas by `$id` would reject the second copy.
  addUsedSchema: false,
};

export interface JsonSchemaResult {
  valid: boolean;
  /** One line per problem: `<JSON pointer>: <ajv message>`, `/` for the value itself. */
  errors: string[];
}

let draft07: Ajv07 | undefined;
let draft2020: Ajv20 | undefined;
// Compiling is the expensive part and a suite checks many outputs against one schema. Kept by the
// schema's JSON text, not its object: in a worker thread each task brings a fresh copy. The oldest
// are dropped (and removed from ajv, which keeps every schema it compiled) past MAX_VALIDATORS.
const validators = new Map<string, { validate: ValidateFunction; ajv: Ajv07 | Ajv20 }>();
const MAX_VALIDATORS = 100;

/** Validates a parsed JSON value; throws MetricInputError when the schema itself is invalid. */
export function validateJsonSchema(
  value: unknown,
  schema: Record<string, unknown>,
): JsonSchemaResult {
  const validate = compileSchema(schema);
  if (validate(value)) return { valid: true, errors: [] };
  return { valid: false, errors: (validate.errors ?? []).map(formatError) };
}

/** `format: date`, `email`, `uri`, … checked (ajv-formats), as extraction suites rely on them. */
function withFormats<T extends InstanceType<typeof Ajv>>(ajv: T): T {
  addFormats(ajv);
  return ajv;
}

function compileSchema(schema: Record<string, unknown>): ValidateFunction {
  const key = JSON.stringify(schema);
  const cached = validators.get(key);
  if (cached) return cached.validate;
  const uses2020 = typeof schema.$schema === 'string' && schema.$schema.includes('2020-12');
  const ajv = uses2020
    ? (draft2020 ??= withFormats(new Ajv2020(AJV_OPTIONS)))
    : (draft07 ??= withFormats(new Ajv(AJV_OPTIONS)));
  try {
    const validate = ajv.compile(schema);
    if (validators.size >= MAX_VALIDATORS) forgetOldest();
    validators.set(key, { validate, ajv });
    return validate;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new MetricInputError(`Invalid JSON schema: ${reason}`, [{ field: 'schema', reason }], {
      cause: error,
    });
  }
}

function forgetOldest(): void {
  const [key, oldest] = validators.entries().next().value!;
  validators.delete(key);
  oldest.ajv.removeSchema(oldest.validate.schema as object);
}

function formatError(error: ErrorObject): string {
  const message = error.message ?? `fails "${error.keyword}"`;
  // ajv's message does not name the extra property; a reader needs it.
  const extra =
    error.keyword === 'additionalProperties' ? ` (${String(error.params.additionalProperty)})` : '';
  return `${error.instancePath || '/'}: ${message}${extra}`;
}
