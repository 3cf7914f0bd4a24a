// What a log line may say about an unexpected error: its kind (class name and code, down the
// cause chain) and where it was thrown (stack frames, paths relative to the working folder). Not
// its message: a failed INSERT's message quotes the row, i.e. the user's text, and other messages
// quote prompts, file contents or paths outside the app. Logs say ids, sizes and kinds.
import path from 'node:path';

const MAX_CAUSES = 5;
const MAX_FRAMES = 8;

/** `DrizzleQueryError ← error[22P05]` for an error whose cause is a PostgreSQL error 22P05. */
export function describeErrorKind(error: unknown): string {
  const kinds: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < MAX_CAUSES && current !== undefined && current !== null; depth++) {
    kinds.push(kindOf(current));
    current = (current as { cause?: unknown }).cause;
  }
  return kinds.join(' ← ');
}

/** The `at …` lines of the stack, message dropped, paths relative to `cwd`. */
export function describeErrorFrames(error: unknown, cwd = process.cwd()): string[] {
  const stack = error instanceof Error && typeof error.stack === 'string' ? error.stack : '';
  return stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, MAX_FRAMES)
    .map((line) =>
      line
        .trim()
        .replace(/(file:\/\/)?(\/[^\s():]+)/g, (_m, _scheme, file: string) => relative(cwd, file)),
    );
}

function relative(cwd: string, file: string): string {
  const inside = path.relative(cwd, file);
  // node_modules paths keep the package name only; anything outside the app loses its folders.
  const modules = file.lastIndexOf('/node_modules/');
  if (modules >= 0) return file.slice(modules + 1);
  return inside.startsWith('..') ? path.basename(file) : inside;
}

function kindOf(value: unknown): string {
  if (typeof value !== 'object') return typeof value;
  const name =
    value instanceof Error ? value.name : ((value as object).constructor?.name ?? 'object');
  const code = (value as { code?: unknown }).code;
  return typeof code === 'string' || typeof code === 'number' ? `${name}[${code}]` : name;
}
