// Reading a CLI verb's flags: node:util's parseArgs (strict, so a misspelt flag is an error, not a
// silently ignored option), then typed getters whose errors name the flag. Every mistake here is
// an InvalidInputError with the flag as its field, which runVerbCli turns into one line and exit 2.
import { parseArgs } from 'node:util';
import { InvalidInputError } from '../ai-errors.js';

/** A verb's flags: `multiple` string flags may be repeated (`strings()` reads them all). */
export type FlagSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;

/** The error every CLI check throws: `--flag reason`, with the flag as the field at fault. */
export function flagError(flag: string, reason: string): InvalidInputError {
  return new InvalidInputError(`${flag} ${reason}`, [{ field: flag, reason }]);
}

/** parseArgs' own messages, shortened to name the flag ("Unknown option '--x'. To specify…"). */
function translate(error: Error & { code?: string }): InvalidInputError {
  const flag = /'(-[^' ]*)/.exec(error.message)?.[1] ?? 'a flag';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return flagError(flag, 'is not a flag of this command (--help lists them)');
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return error.message.includes('does not take')
        ? flagError(flag, 'takes no value')
        : flagError(flag, 'needs a value (write --flag=-1 for a value starting with "-")');
    default:
      return flagError(flag, error.message.split('. ')[0] ?? error.message);
  }
}

export class Flags {
  private constructor(
    private readonly values: Record<string, string | boolean | (string | boolean)[] | undefined>,
    readonly positionals: string[],
  ) {}

  /** Parses `argv` against `spec` plus `--help`/`-h`; positionals are allowed. */
  static parse(argv: string[], spec: FlagSpec): Flags {
    try {
      const { values, positionals } = parseArgs({
        args: argv,
        options: { ...spec, help: { type: 'boolean', short: 'h' } },
        allowPositionals: true,
        strict: true,
      });
      return new Flags(values, positionals);
    } catch (error) {
      throw translate(error as Error & { code?: string });
    }
  }

  /** At most `count` arguments besides the flags (a prompt with spaces must be quoted). */
  atMost(count: number): void {
    const extra = this.positionals[count];
    if (extra === undefined) return;
    throw flagError(
      extra,
      count === 0
        ? 'is not a flag: every setting is --name value'
        : 'is one argument too many (quote an argument that has spaces)',
    );
  }

  get help(): boolean {
    return this.values.help === true;
  }

  boolean(name: string): boolean {
    return this.values[name] === true;
  }

  /** The flag's value; the last one when a `multiple` flag is repeated. */
  string(name: string): string | undefined {
    const value = this.values[name];
    if (Array.isArray(value)) return value.at(-1) as string | undefined;
    return typeof value === 'string' ? value : undefined;
  }

  /** Every value of a `multiple` flag, in order (none: `[]`). */
  strings(name: string): string[] {
    const value = this.values[name];
    return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(String);
  }

  required(name: string, what: string): string {
    const value = this.string(name);
    if (value === undefined || value === '') throw flagError(`--${name}`, `is required: ${what}`);
    return value;
  }

  /** One of `choices`, or undefined when the flag is absent. */
  choice<T extends string>(name: string, choices: readonly T[]): T | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!choices.includes(value as T))
      throw flagError(`--${name}`, `must be one of ${choices.join(', ')} (got "${value}")`);
    return value as T;
  }

  number(name: string): number | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value))
      throw flagError(`--${name}`, `must be a number (got "${raw}")`);
    return value;
  }

  positive(name: string): number | undefined {
    const value = this.number(name);
    if (value !== undefined && !(value > 0))
      throw flagError(`--${name}`, `must be greater than 0 (got "${this.string(name)}")`);
    return value;
  }

  whole(name: string, min = 0): number | undefined {
    const value = this.number(name);
    if (value !== undefined && !(Number.isInteger(value) && value >= min))
      throw flagError(`--${name}`, `must be a whole number ≥ ${min} (got "${this.string(name)}")`);
    return value;
  }
}
