// Reads MCP_CONFIG the way this app documents it, so one mcp.json works whether the app is started
// from its folder or from the repository root: a relative path is the app folder's, and a stdio
// server starts in the config file's folder unless it names its own `cwd`. Relative to the
// current folder instead, the shipped `../mcp-weather-server/dist/stdio.js` would only work when
// started from the app folder.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseMcpConfig } from '@repo/mcp';
import type { McpConfig } from '@repo/mcp';

export interface LoadedMcpConfig {
  /** The absolute path of the file, or `inline` when MCP_CONFIG held the JSON itself. */
  source: string;
  config: McpConfig;
}

/**
 * `value` is a path (relative to `appDir`) or the JSON text itself when it starts with `{` (tests,
 * containers). Synchronous on purpose: it runs with the env validation, before Nest starts, so a
 * bad file stops the boot with one message. Throws an Error whose message names the problem.
 */
export function readMcpConfig(
  value: string,
  appDir: string,
  env: Readonly<Record<string, string | undefined>>,
): LoadedMcpConfig {
  const inline = value.trimStart().startsWith('{');
  const source = inline ? 'inline' : resolve(appDir, value);
  let text = value;
  if (!inline) {
    try {
      text = readFileSync(source, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new Error(`${code === 'ENOENT' ? 'file not found' : 'file unreadable'}: ${source}`, {
        cause: error,
      });
    }
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  // Lists every problem at once, each naming the server and field (never a secret's value).
  const config = parseMcpConfig(raw, { env }, inline ? undefined : source);
  const base = inline ? appDir : dirname(source);
  for (const server of Object.values(config.mcpServers))
    if ('command' in server) server.cwd = resolve(base, server.cwd ?? '.');
  return { source, config };
}
