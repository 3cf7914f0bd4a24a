// The app's own settings (docs/conventions.md rule 10), validated at boot. HOST defaults to loopback, and
// then so does the accepted Host header: a web page must not reach a local MCP server through DNS
// rebinding (the MCP spec's advice for local servers).
import { isLoopbackHost, parseEnvConfig, serverVars, type ServerSettings } from '@repo/nest';
import { z } from 'zod';

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

const schema = z.object({
  ...serverVars(3003),
  // Unset or empty: API_TOKEN if set, else no token (a local demo); set: every /mcp request needs it.
  MCP_AUTH_TOKEN: z
    .string()
    .trim()
    .min(16, { error: 'must be at least 16 characters (or empty for no token)' })
    .optional(),
  // Comma-separated Host names; `*` accepts any. Default: loopback names when HOST is loopback.
  MCP_ALLOWED_HOSTS: z
    .string()
    .trim()
    .min(1)
    .transform((value) => value.split(',').map((host) => host.trim()))
    .optional(),
});

export interface AppConfig extends ServerSettings {
  MCP_AUTH_TOKEN: string | undefined;
  /** Undefined: any Host header is accepted. */
  MCP_ALLOWED_HOSTS: string[] | undefined;
}

export function parseAppConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  // Names the variable and the rule, never the value (the tokens are secrets).
  const { MCP_AUTH_TOKEN, MCP_ALLOWED_HOSTS: hosts, ...server } = parseEnvConfig(schema, env);
  const loopback = isLoopbackHost(server.HOST);
  // Either token guards /mcp, and either lets the server listen beyond loopback.
  const token = MCP_AUTH_TOKEN ?? server.API_TOKEN;
  return {
    ...server,
    API_TOKEN: server.API_TOKEN ?? token,
    MCP_AUTH_TOKEN: token,
    MCP_ALLOWED_HOSTS: hosts?.includes('*')
      ? undefined
      : (hosts ?? (loopback ? LOOPBACK_HOSTS : undefined)),
  };
}
