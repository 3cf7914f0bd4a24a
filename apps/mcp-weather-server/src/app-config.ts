// The app's own settings (HOUSE-STYLE rule 10), validated at boot. HOST defaults to loopback, and
// then so does the accepted Host header: a web page must not reach a local MCP server through DNS
// rebinding (the MCP spec's advice for local servers).
import { hostVar, portVar } from '@repo/nest';
import { z } from 'zod';

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

const schema = z.object({
  PORT: portVar(3003),
  HOST: hostVar(),
  // Unset or empty: no token needed (a local demo); set: every /mcp request needs it.
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

export interface AppConfig {
  PORT: number;
  HOST: string;
  MCP_AUTH_TOKEN: string | undefined;
  /** Undefined: any Host header is accepted. */
  MCP_ALLOWED_HOSTS: string[] | undefined;
}

/** The injection token of the parsed `AppConfig` (tests override it). */
export const APP_CONFIG = Symbol('APP_CONFIG');

export function parseAppConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const result = schema.safeParse({
    PORT: env.PORT || undefined,
    HOST: env.HOST || undefined,
    MCP_AUTH_TOKEN: env.MCP_AUTH_TOKEN || undefined,
    MCP_ALLOWED_HOSTS: env.MCP_ALLOWED_HOSTS || undefined,
  });
  if (!result.success) {
    // Names the variable and the rule, never the value (the token is a secret).
    const lines = result.error.issues.map(
      (issue) => `  - ${String(issue.path[0])}: ${issue.message}`,
    );
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const { PORT, HOST, MCP_AUTH_TOKEN, MCP_ALLOWED_HOSTS: hosts } = result.data;
  const loopback = HOST === '::1' || LOOPBACK_HOSTS.includes(HOST);
  return {
    PORT,
    HOST,
    MCP_AUTH_TOKEN,
    MCP_ALLOWED_HOSTS: hosts?.includes('*')
      ? undefined
      : (hosts ?? (loopback ? LOOPBACK_HOSTS : undefined)),
  };
}
