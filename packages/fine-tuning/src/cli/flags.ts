// ai-ft's own flag checks on top of `@repo/core/cli`'s Flags: the input file every verb takes,
// file-naming flags (`--validation`, `--prices`) and numbers a verb cannot do without. Each
// mistake is an InvalidInputError naming the flag, which runVerbCli turns into one line, exit 2.
import { statSync } from 'node:fs';
import { flagError, type Flags } from '@repo/core/cli';

/** The one input file every verb takes, checked to be a readable file. */
export function inputFile(flags: Flags, what: string): string {
  const [file, extra] = flags.positionals;
  if (file === undefined) throw flagError('FILE', `is required: ${what}`);
  if (extra !== undefined) throw flagError(`"${extra}"`, 'is one argument too many');
  return existingFile(file, 'FILE');
}

/** A flag naming a file that must exist (`--validation`, `--prices`). */
export function fileFlag(flags: Flags, name: string): string | undefined {
  const value = flags.string(name);
  return value === undefined ? undefined : existingFile(value, `--${name}`);
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
