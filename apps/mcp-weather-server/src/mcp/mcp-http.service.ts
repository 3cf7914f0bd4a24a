// The Streamable HTTP side of the weather server (Spring AI's WebMVC MCP server transport), built
// once from the config: stateless, so every POST gets a fresh SDK server and nothing expires.
import { Inject, Injectable, Logger } from '@nestjs/common';
import { createMcpHttpHandler } from '@repo/mcp';
import type { McpHttpHandler } from '@repo/mcp';
import { APP_CONFIG } from '@repo/nest';
import type { AppConfig } from '../app-config.js';
import { createWeatherServerOptions } from '../weather-server.js';

export interface McpEndpointInfo {
  server: string;
  version: string;
  transport: 'streamable-http';
  path: '/mcp';
  tools: string[];
  auth: 'bearer' | 'none';
  allowedHosts: string[] | 'any';
}

@Injectable()
export class McpHttpService {
  readonly handle: McpHttpHandler;
  readonly info: McpEndpointInfo;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const options = createWeatherServerOptions(new Logger('McpHttp'));
    this.handle = createMcpHttpHandler({
      ...options,
      authToken: config.MCP_AUTH_TOKEN,
      allowedHosts: config.MCP_ALLOWED_HOSTS,
    });
    this.info = {
      server: options.name,
      version: options.version,
      transport: 'streamable-http',
      path: '/mcp',
      tools: options.tools.map((tool) => tool.name),
      auth: config.MCP_AUTH_TOKEN ? 'bearer' : 'none',
      allowedHosts: config.MCP_ALLOWED_HOSTS ?? 'any',
    };
  }
}
