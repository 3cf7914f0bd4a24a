// JSON Schema validation of a model's structured output (promptfoo's `is-json` with a schema),
// with ajv 8. Draft-07 by default, 2020-12 when the schema's `$schema` says so: one ajv instance
// cannot hold both drafts.
import AjvModule from 'ajv';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ErrorObject, Options, ValidateFunction } from 'ajv';
import { MetricInputError } from './metrics-errors.js';

// ajv is CommonJS with `exports.default = Ajv`. Under NodeNext, TypeScript types a default import of
// CommonJS as the whole `module.exports`, so the class is `.default`, which exists at runtime too.
const Ajv = AjvModule.default;
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

const AJV_OPTIONS: Options = {
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

let draft07: InstanceType<typeof Ajv> | undefined;
let draft2020: InstanceType<typeof Ajv2020> | undefined;
// Compiling is the expensive part and a suite checks many outputs against one schema object.
const validators = new WeakMap<object, ValidateFunction>();

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
  const cached = validators.get(schema);
  if (cached) return cached;
  const uses2020 = typeof schema.$schema === 'string' && schema.$schema.includes('2020-12');
  const ajv = uses2020
    ? (draft2020 ??= withFormats(new Ajv2020(AJV_OPTIONS)))
    : (draft07 ??= withFormats(new Ajv(AJV_OPTIONS)));
  try {
    const validate = ajv.compile(schema);
    validators.set(schema, validate);
    return validate;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new MetricInputError(`Invalid JSON schema: ${reason}`, [{ field: 'schema', reason }], {
      cause: error,
    });
  }
}

function formatError(error: ErrorObject): string {
  const message = error.message ?? `fails "${error.keyword}"`;
  // ajv's message does not name the extra property; a reader needs it.
  const extra =
    error.keyword === 'additionalProperties' ? ` (${String(error.params.additionalProperty)})` : '';
  return `${error.instancePath || '/'}: ${message}${extra}`;
}
