// MCP_CONFIG and mcp.json validated at boot: paths are the app folder's (so the shipped mcp.json
// works from the repository root too), stdio servers start in their config file's folder, and
// every problem is listed in one message that names the variable, server and field.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_DIR, parseAppConfig } from '../src/app-config.js';

const dir = mkdtempSync(join(tmpdir(), 'mcp-client-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeConfig(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('MCP_CONFIG', () => {
  it('defaults to the app folder’s mcp.json, whose stdio server starts in the app folder', () => {
    const config = parseAppConfig({});
    expect(config).toMatchObject({ PORT: 3004, HOST: '127.0.0.1' });
    expect(config.mcp.source).toBe(join(APP_DIR, 'mcp.json'));
    expect(config.mcp.config.mcpServers['weather']).toEqual({
      type: 'stdio',
      command: 'node',
      args: ['../mcp-weather-server/dist/stdio.js'],
      cwd: resolve(APP_DIR),
    });
    expect(config.mcp.config.mcpServers['amap-maps']).toMatchObject({
      disabled: true,
      env: { AMAP_MAPS_API_KEY: '' },
    });
  });

  it('a file elsewhere: its stdio servers start in its folder; a relative cwd is resolved there', () => {
    const path = writeConfig('other.json', {
      mcpServers: { a: { command: 'a-server' }, b: { command: 'b-server', cwd: 'tools' } },
    });
    const { mcp } = parseAppConfig({ MCP_CONFIG: path });
    expect(mcp.source).toBe(path);
    expect(mcp.config.mcpServers['a']).toMatchObject({ cwd: dir });
    expect(mcp.config.mcpServers['b']).toMatchObject({ cwd: join(dir, 'tools') });
  });

  it('`${VAR}` comes from the env given; a missing one is named, never a value', () => {
    const path = writeConfig('secret.json', {
      mcpServers: { amap: { command: 'npx', env: { AMAP_MAPS_API_KEY: '${AMAP_MAPS_API_KEY}' } } },
    });
    const ok = parseAppConfig({ MCP_CONFIG: path, AMAP_MAPS_API_KEY: 'k-123' });
    expect(ok.mcp.config.mcpServers['amap']).toMatchObject({ env: { AMAP_MAPS_API_KEY: 'k-123' } });
    expect(() => parseAppConfig({ MCP_CONFIG: path })).toThrow(
      /^Invalid configuration:\n {2}- MCP_CONFIG: Invalid MCP config .*secret\.json: mcpServers\.amap\.env\.AMAP_MAPS_API_KEY: .*AMAP_MAPS_API_KEY/,
    );
  });

  it('lists every problem at once: env variables and the file', () => {
    const path = writeConfig('bad.json', {
      mcpServers: { old: { type: 'sse', url: 'http://127.0.0.1:8081' }, empty: {} },
    });
    let message = '';
    try {
      parseAppConfig({ PORT: 'eighty', MCP_CONFIG: path });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(
      /^Invalid configuration:\n {2}- PORT: must be a number\n {2}- MCP_CONFIG: /,
    );
    expect(message).toContain('mcpServers.old: the SSE transport is deprecated and not supported');
    expect(message).toContain(
      'mcpServers.empty: missing "command" (stdio) or "url" (Streamable HTTP)',
    );
  });

  it('a missing file and invalid JSON say so with the absolute path', () => {
    expect(() => parseAppConfig({ MCP_CONFIG: 'no-such.json' })).toThrow(
      `Invalid configuration:\n  - MCP_CONFIG: file not found: ${join(APP_DIR, 'no-such.json')}`,
    );
    const broken = writeConfig('broken.json', '{"mcpServers": {');
    expect(() => parseAppConfig({ MCP_CONFIG: broken })).toThrow(
      `Invalid configuration:\n  - MCP_CONFIG: ${broken} is not valid JSON: `,
    );
  });
});
