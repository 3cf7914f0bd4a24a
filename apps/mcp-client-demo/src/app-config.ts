// The app's own settings (docs/conventions.md rule 10), validated at boot together with the MCP config file
// they point to; the AI variables are validated by AiModule. HOST defaults to loopback: demos
// spend keys and spawn processes, so they don't listen on workshop Wi-Fi.
import { fileURLToPath } from 'node:url';
import { configError, readEnvFor, serverVars, type ServerSettings } from '@repo/nest';
import { z } from 'zod';
import { readMcpConfig } from './mcp/read-mcp-config.js';
import type { LoadedMcpConfig } from './mcp/read-mcp-config.js';

/** The app folder (src/ and dist/ both sit one level below it): relative paths start here. */
export const APP_DIR = fileURLToPath(new URL('..', import.meta.url));

const schema = z.object({
  ...serverVars(3004),
  MCP_CONFIG: z.string().trim().min(1).default('mcp.json'),
});

export interface AppConfig extends ServerSettings {
  /** The `{"mcpServers": …}` file MCP_CONFIG names, read and validated. */
  mcp: LoadedMcpConfig;
}

export function parseAppConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const result = schema.safeParse(readEnvFor(schema, env));
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => ({
        field: String(issue.path[0]),
        reason: issue.message,
      }));
  let mcp: LoadedMcpConfig | undefined;
  try {
    mcp = readMcpConfig(env.MCP_CONFIG || 'mcp.json', APP_DIR, env);
  } catch (error) {
    problems.push({ field: 'MCP_CONFIG', reason: (error as Error).message });
  }
  if (!result.success || !mcp) throw configError(problems);
  const { MCP_CONFIG: _file, ...server } = result.data;
  return { ...server, mcp };
}
