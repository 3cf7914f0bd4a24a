// Reading a verb's flags: node:util's parseArgs (strict, so a misspelt flag is an error rather than
// an ignored option), then typed getters whose errors name the flag. Every mistake is an
// InvalidInputError with the flag as its field, which runCli turns into one line and exit 2.
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { InvalidInputError } from '@repo/core';

export type FlagSpec = Record<string, { type: 'string' | 'boolean' }>;

export function flagError(flag: string, reason: string): InvalidInputError {
  return new InvalidInputError(`${flag} ${reason}`, [{ field: flag, reason }]);
}

/** parseArgs' messages shortened to name the flag ("Unknown option '--x'. To specify…"). */
function translate(error: Error & { code?: string }): InvalidInputError {
  const flag = /'(-[^' ]*)/.exec(error.message)?.[1] ?? 'a flag';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return flagError(flag, 'is not a flag of this command (--help lists them)');
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return error.message.includes('does not take')
        ? flagError(flag, 'takes no value')
        : flagError(flag, 'needs a value');
    default:
      return flagError(flag, error.message.split('. ')[0] ?? error.message);
  }
}

export class Flags {
  private constructor(
    private readonly values: Record<string, string | boolean | undefined>,
    readonly positionals: string[],
  ) {}

  static parse(argv: string[], spec: FlagSpec): Flags {
    try {
      const { values, positionals } = parseArgs({
        args: argv,
        options: { ...spec, help: { type: 'boolean', short: 'h' } },
        allowPositionals: true,
        strict: true,
      });
      return new Flags(values as Record<string, string | boolean | undefined>, positionals);
    } catch (error) {
      throw translate(error as Error & { code?: string });
    }
  }

  get help(): boolean {
    return this.values.help === true;
  }

  /** The one input file every verb takes, checked to be a readable file. */
  inputFile(what: string): string {
    const [file, extra] = this.positionals;
    if (file === undefined) throw flagError('FILE', `is required: ${what}`);
    if (extra !== undefined) throw flagError(`"${extra}"`, 'is one argument too many');
    return existingFile(file, 'FILE');
  }

  boolean(name: string): boolean {
    return this.values[name] === true;
  }

  string(name: string): string | undefined {
    const value = this.values[name];
    return typeof value === 'string' ? value : undefined;
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

  /** A flag naming a file that must exist (`--validation`, `--prices`). */
  file(name: string): string | undefined {
    const value = this.string(name);
    return value === undefined ? undefined : existingFile(value, `--${name}`);
  }
}

export function requiredNumber(value: number | undefined, flag: string, what: string): number {
  if (value === undefined) throw flagError(`--${flag}`, `is required: ${what}`);
  return value;
}

function existingFile(path: string, flag: string): string {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (stats === undefined) throw flagError(flag, `names a file that does not exist: ${path}`);
  if (!stats.isFile()) throw flagError(flag, `is not a file: ${path}`);
  return path;
}
