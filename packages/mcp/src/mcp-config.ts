// The `mcpServers` JSON that Claude Desktop, Cursor, VS Code and most MCP clients share, read with
// zod. Spring AI spreads the same facts over `spring.ai.mcp.client.stdio.connections` and
// `...sse.connections` properties; here one file lists both kinds. Secrets stay in the
// environment: `${VAR}` (or `${VAR:-default}`) in args, env, cwd, url and headers is replaced.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describeSchemaIssue, formatIssuePath } from '@repo/core';
import type { InvalidInputDetail } from '@repo/core';
import { z } from 'zod';
import { interpolateEnv } from './interpolate-env.js';
import { McpConfigError } from './mcp-errors.js';

const stringMap = z.record(z.string(), z.string());
// `disabled` is the Cline / Roo convention.
const common = {
  disabled: z.boolean().optional(),
  timeoutMs: z.number().int().positive().optional(),
};
const stdioServerSchema = z.object({
  type: z.literal('stdio').default('stdio'),
  command: z.string().min(1),
  args: z.array(z.string()).default([]),
  env: stringMap.optional(),
  cwd: z.string().min(1).optional(),
  ...common,
});
const httpServerSchema = z.object({
  // VS Code and Claude Code write "http", Cline "streamableHttp"; all mean Streamable HTTP.
  type: z
    .enum(['http', 'streamable-http', 'streamableHttp'])
    .default('http')
    .transform(() => 'http' as const),
  url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }),
  headers: stringMap.optional(),
  ...common,
});

interface McpServerConfigBase {
  /** Skip this server without removing it from the file. */
  disabled?: boolean;
  /** Overrides the caller's timeouts for this server: connect, list and each tool call. */
  timeoutMs?: number;
}
/** A server spawned as a child process, speaking MCP over its stdin/stdout. */
export interface McpStdioServerConfig extends McpServerConfigBase {
  type?: 'stdio';
  command: string;
  args?: string[];
  /** Added to a minimal inherited environment (PATH, HOME, …), as the SDK does. */
  env?: Record<string, string>;
  cwd?: string;
}
/** A server reached over Streamable HTTP. */
export interface McpHttpServerConfig extends McpServerConfigBase {
  type?: 'http';
  url: string;
  headers?: Record<string, string>;
}
export type McpServerConfig = McpStdioServerConfig | McpHttpServerConfig;
export interface McpConfig {
  mcpServers: Record<string, McpServerConfig>;
}

export interface LoadMcpConfigOptions {
  /** Values for `${VAR}`; `process.env` (read when called, not at import) by default. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** Reads mcp.json from a path, or parses the JSON text itself when it starts with `{`. */
export async function loadMcpConfig(
  pathOrJson: string,
  options: LoadMcpConfigOptions = {},
): Promise<McpConfig> {
  if (pathOrJson.trimStart().startsWith('{'))
    return parseMcpConfig(parseJson(pathOrJson, undefined), options);
  const path = resolve(pathOrJson);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : 'unreadable';
    throw new McpConfigError(
      `MCP config file ${reason}: ${path}`,
      [{ field: 'file', reason }],
      path,
    );
  }
  return parseMcpConfig(parseJson(text, path), options, path);
}

/** Validates an already-parsed config; every problem is listed, each naming server and field. */
export function parseMcpConfig(
  value: unknown,
  options: LoadMcpConfigOptions = {},
  source?: string,
): McpConfig {
  const root = z.object({ mcpServers: z.record(z.string(), z.unknown()) }).safeParse(value);
  if (!root.success) throw configError(toDetails(root.error, [], value), source);
  const env = options.env ?? process.env;
  const details: InvalidInputDetail[] = [];
  const mcpServers: Record<string, McpServerConfig> = {};
  for (const [name, value] of Object.entries(root.data.mcpServers)) {
    const at = ['mcpServers', name];
    const missing = details.length;
    const raw = interpolateEnv(value, env, at, details);
    if (details.length > missing) continue;
    const schema = pickSchema(raw);
    if (typeof schema === 'string') {
      details.push({ field: at.join('.'), reason: schema });
      continue;
    }
    const parsed = schema.safeParse(raw);
    if (parsed.success) mcpServers[name] = parsed.data;
    else details.push(...toDetails(parsed.error, at, raw));
  }
  if (details.length > 0) throw configError(details, source);
  return { mcpServers };
}

function pickSchema(raw: unknown): typeof stdioServerSchema | typeof httpServerSchema | string {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return 'expected an object with "command" (stdio) or "url" (Streamable HTTP)';
  const server = raw as Record<string, unknown>;
  if (server['type'] === 'sse')
    return "the SSE transport is deprecated and not supported; use the server's Streamable HTTP URL";
  const hasCommand = 'command' in server;
  const hasUrl = 'url' in server;
  if (hasCommand && hasUrl) return 'give "command" (stdio) or "url" (Streamable HTTP), not both';
  if (hasCommand || server['type'] === 'stdio') return stdioServerSchema;
  if (hasUrl) return httpServerSchema;
  return 'missing "command" (stdio) or "url" (Streamable HTTP)';
}

function parseJson(text: string, source: string | undefined): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new McpConfigError(
      `MCP config${source ? ` ${source}` : ''} is not valid JSON: ${(error as Error).message}`,
      [{ field: 'json', reason: (error as Error).message }],
      source,
    );
  }
}

/** Issues in core's wording, each field under `at` (`mcpServers.w.args[0]`). */
function toDetails(error: z.ZodError, at: string[], input: unknown): InvalidInputDetail[] {
  return error.issues.flatMap((issue) =>
    describeSchemaIssue(issue, { input }).map(({ path, reason }) => ({
      field: formatIssuePath([...at, ...path]),
      reason,
    })),
  );
}

function configError(details: InvalidInputDetail[], source: string | undefined): McpConfigError {
  const list = details.map((detail) => `${detail.field}: ${detail.reason}`).join('; ');
  return new McpConfigError(
    `Invalid MCP config${source ? ` ${source}` : ''}: ${list}`,
    details,
    source,
  );
}
