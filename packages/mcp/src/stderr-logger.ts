// Logging that never touches stdout. A stdio MCP server's stdout IS the protocol channel: one
// stray line (a banner, a console.log in a tool) and the client drops the connection. The seed's
// Spring stdio profile did exactly that with its banner and console logging.
import { format } from 'node:util';

/**
 * What the package logs through. `console` and NestJS's `Logger` both fit, so apps pass their own;
 * in a stdio server pass `createStderrLogger()`, never `console`.
 */
export interface McpLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** A logger writing `[prefix] level: message` lines to stderr. */
export function createStderrLogger(prefix = 'mcp'): McpLogger {
  const write = (level: string, message: string) =>
    process.stderr.write(`[${prefix}] ${level}: ${message}\n`);
  return {
    log: (message) => write('info', message),
    warn: (message) => write('warn', message),
    error: (message) => write('error', message),
  };
}

/** A logger that drops everything (tests, or callers who watch `servers` instead). */
export const silentLogger: McpLogger = { log() {}, warn() {}, error() {} };

/**
 * Sends `console.log/info/debug` to stderr for the rest of the process, and returns a function
 * that undoes it. For stdio server entries: libraries and tools log with console.log, and in that
 * process stdout belongs to the protocol. Call it before importing anything that logs at load time.
 */
export function redirectConsoleToStderr(): () => void {
  const original = { log: console.log, info: console.info, debug: console.debug };
  const toStderr = (...args: unknown[]) => {
    process.stderr.write(`${format(...args)}\n`);
  };
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
  return () => Object.assign(console, original);
}
