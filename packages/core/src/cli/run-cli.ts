// `<name> <verb> [flags]`: picks the verb, parses its flags, runs it and turns what went wrong
// into one line and an exit code: 2 for a bad flag or bad input (an InvalidInputError, which
// names the field) or a missing API key, 1 for a failed run. No stack traces for user mistakes.
import { InvalidInputError, MissingApiKeyError } from '../ai-errors.js';
import { flagError, Flags, type FlagSpec } from './flags.js';

/** What a CLI talks to: two output streams, the environment and Ctrl-C. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env?: Record<string, string | undefined>;
  /** Calls `listener` on each Ctrl-C (SIGINT) until the returned function is called. */
  onInterrupt?(listener: () => void): () => void;
}

export interface CliVerb<Io extends CliIo = CliIo> {
  flags: FlagSpec;
  run(flags: Flags, io: Io): Promise<number> | number;
}

export interface VerbCliOptions<Io extends CliIo> {
  /** The bin's name, the prefix of every error line (`ai-train`). */
  name: string;
  verbs: Record<string, CliVerb<Io>>;
  /** `main` and one text per verb, printed by `--help`. */
  usage: Record<string, string>;
  /** Library errors name their fields (`learningRate`); say which flag sets each (`--lr`). */
  flagOfField?: Record<string, string>;
  /** Add the first detail's `field reason` when the message does not say it. */
  showReason?: boolean;
}

/** Runs a verb CLI and returns the exit code (the bin sets `process.exitCode`). */
export async function runVerbCli<Io extends CliIo>(
  argv: string[],
  io: Io,
  options: VerbCliOptions<Io>,
): Promise<number> {
  const { name, verbs, usage } = options;
  const [verb, ...rest] = argv;
  if (verb === undefined) {
    io.stderr.write(`${usage.main}\n`);
    return 2;
  }
  if (verb === '--help' || verb === '-h' || verb === 'help') {
    const topic = rest[0] !== undefined && verbs[rest[0]] ? rest[0] : 'main';
    io.stdout.write(`${usage[topic]}\n`);
    return 0;
  }
  const entry = verbs[verb];
  const prefix = `${name} ${entry ? verb : ''}`.trimEnd();
  try {
    if (!entry) throw flagError(`"${verb}"`, `is not a command (${Object.keys(verbs).join(', ')})`);
    const flags = Flags.parse(rest, entry.flags);
    if (flags.help) {
      io.stdout.write(`${usage[verb]}\n`);
      return 0;
    }
    return await entry.run(flags, io);
  } catch (error) {
    if (error instanceof MissingApiKeyError) {
      io.stderr.write(`${prefix}: no API key: set ${error.environmentVariableName}\n`);
      return 2;
    }
    if (error instanceof InvalidInputError) {
      io.stderr.write(`${prefix}: ${explain(error, options)}\n`);
      return 2;
    }
    io.stderr.write(`${prefix}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

function explain(
  error: InvalidInputError,
  {
    flagOfField = {},
    showReason = false,
  }: Pick<VerbCliOptions<CliIo>, 'flagOfField' | 'showReason'>,
): string {
  const detail = error.details[0];
  const flag = detail === undefined ? undefined : flagOfField[detail.field];
  const reason =
    showReason && detail && !error.message.includes(detail.reason)
      ? `: ${detail.field} ${detail.reason}`
      : '';
  return flag && !error.message.includes(flag)
    ? `${error.message}${reason} (${flag})`
    : `${error.message}${reason}`;
}
