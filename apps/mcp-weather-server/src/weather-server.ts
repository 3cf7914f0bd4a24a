// What the weather MCP server serves, in one place for both transports (the seed's stdio and SSE
// profiles even disagreed on the server's name). Spring AI's `McpServerConfiguration` with
// `MethodToolCallbackProvider.toolObjects(weatherServer)`. No Nest here: stdio.ts imports it too.
import type { Tool } from '@repo/core';
import type { CreateMcpServerOptions, McpLogger } from '@repo/mcp';
import { createWeatherTool } from '@repo/tools';

export const WEATHER_SERVER_NAME = 'weather-mcp-server';
export const WEATHER_SERVER_VERSION = '1.0.0';

/**
 * The server's name, version and tools. Each call is logged, as the seed's tool did, through the
 * given logger (stderr under stdio, where stdout is the protocol; Nest's logger under HTTP), by
 * tool and argument names, never values.
 */
export function createWeatherServerOptions(logger: McpLogger): CreateMcpServerOptions {
  const tools: Tool<unknown, unknown>[] = [createWeatherTool()];
  return {
    name: WEATHER_SERVER_NAME,
    version: WEATHER_SERVER_VERSION,
    instructions:
      'getCurrentWeather answers for a dozen bundled cities (offline data), by English or ' +
      'Chinese name; ask in Chinese to get Chinese conditions.',
    tools: tools.map((tool) => logCalls(tool, logger)),
    logger,
  };
}

function logCalls(tool: Tool<unknown, unknown>, logger: McpLogger): Tool<unknown, unknown> {
  return {
    ...tool,
    execute(args, context) {
      // The call, its argument names and size; not the values (they come from users' messages).
      const names = args && typeof args === 'object' ? Object.keys(args).join(', ') : '';
      const bytes = Buffer.byteLength(JSON.stringify(args ?? null));
      logger.log(`${tool.name} called (arguments: ${names || 'none'}; ${bytes} bytes)`);
      return tool.execute(args, context);
    },
  };
}
