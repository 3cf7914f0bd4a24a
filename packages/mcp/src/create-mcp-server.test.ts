import { InvalidInputError } from '@repo/core';
import type { Tool } from '@repo/core';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { testTools } from './__fixtures__/test-tools.mjs';
import { connectInMemory } from './__fixtures__/test-servers.js';
import { createMcpServer, toCallToolResult } from './create-mcp-server.js';
import type { CreateMcpServerOptions } from './create-mcp-server.js';
import { silentLogger } from './stderr-logger.js';

let client: Client | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
});

async function connect(options: Partial<CreateMcpServerOptions> = {}): Promise<Client> {
  const server = createMcpServer({
    name: 'weather',
    version: '1.2.3',
    tools: testTools,
    logger: silentLogger,
    ...options,
  });
  client = await connectInMemory(server);
  return client;
}

describe('createMcpServer', () => {
  it('lists every tool with its JSON schema as given', async () => {
    const { tools } = await (await connect()).listTools();
    expect(tools.map((tool) => tool.name)).toEqual(testTools.map((tool) => tool.name));
    expect(tools[0]).toEqual({
      name: 'getCurrentWeather',
      description: '查询指定城市当前的天气',
      inputSchema: testTools[0]?.parameters,
    });
    expect(client?.getServerVersion()).toMatchObject({ name: 'weather', version: '1.2.3' });
  });

  it('fills in a missing root type and refuses a non-object schema', async () => {
    const bare: Tool = { name: 'now', description: 'Now', parameters: {}, execute: () => 'x' };
    const { tools } = await (await connect({ tools: [bare] })).listTools();
    expect(tools[0]?.inputSchema).toEqual({ type: 'object' });

    const array: Tool = { ...bare, parameters: { type: 'array' } };
    expect(() => createMcpServer({ name: 's', version: '1', tools: [array] })).toThrow(
      expect.objectContaining({
        message: 'Tool "now" has parameters of type "array"; MCP requires an object schema',
        details: [{ field: 'tools[0].parameters.type', reason: 'must be "object"' }],
      }),
    );
  });

  it('refuses two tools with one name', () => {
    const call = () =>
      createMcpServer({ name: 's', version: '1', tools: [testTools[0]!, testTools[0]!] });
    expect(call).toThrow(InvalidInputError);
    expect(call).toThrow('Two tools are named "getCurrentWeather"; MCP tool names are unique');
  });

  it('answers a string as text and keeps Chinese intact', async () => {
    const result = await (
      await connect()
    ).callTool({ name: 'getCurrentWeather', arguments: { cityName: '北京' } });
    expect(result).toEqual({ content: [{ type: 'text', text: '北京：天气大风' }] });
  });

  it('answers an object as JSON text and structuredContent', async () => {
    const result = await (
      await connect()
    ).callTool({ name: 'getForecast', arguments: { city: '上海', days: 2 } });
    expect(result).toEqual({
      content: [{ type: 'text', text: '{"city":"上海","days":["晴","多云"]}' }],
      structuredContent: { city: '上海', days: ['晴', '多云'] },
    });
  });

  it('turns a throwing tool into an isError result and keeps serving', async () => {
    const mcp = await connect();
    expect(await mcp.callTool({ name: 'failingTool', arguments: {} })).toEqual({
      content: [{ type: 'text', text: '数据源不可用 (data source unavailable)' }],
      isError: true,
    });
    const next = await mcp.callTool({ name: 'echo', arguments: { text: 'still here' } });
    expect(next.content).toEqual([{ type: 'text', text: 'still here' }]);
  });

  it('checks arguments against the schema before execute', async () => {
    const result = await (
      await connect()
    ).callTool({ name: 'getForecast', arguments: { city: 7, days: 9 } });
    expect(result).toEqual({
      content: [
        {
          type: 'text',
          text: 'Invalid arguments for tool "getForecast": data/city must be string, data/days must be <= 3',
        },
      ],
      isError: true,
    });
  });

  it('leaves validation to the tool when validateArguments is false', async () => {
    const result = await (
      await connect({ validateArguments: false })
    ).callTool({ name: 'echo', arguments: { text: 42 } });
    expect(result.content).toEqual([{ type: 'text', text: '42' }]);
  });

  it('answers an unknown tool with a protocol error naming the tools on offer', async () => {
    const call = (await connect({ tools: [testTools[2]!] })).callTool({ name: 'nope' });
    await expect(call).rejects.toThrow(McpError);
    await expect(call).rejects.toMatchObject({
      code: ErrorCode.InvalidParams,
      message: 'MCP error -32602: Unknown tool "nope". Available tools: echo',
    });
  });

  it('gives tools the configured context and the request id as toolCallId', async () => {
    const result = await (
      await connect({ toolContext: { tenant: 'acme' } })
    ).callTool({ name: 'whoAmI', arguments: {} });
    expect(result.structuredContent).toEqual({ tenant: 'acme', toolCallId: '1', messages: 0 });
  });
});

describe('toCallToolResult', () => {
  it('keeps structuredContent to plain JSON objects', () => {
    expect(toCallToolResult({ at: new Date(0), 城市: '北京' })).toEqual({
      content: [{ type: 'text', text: '{"at":"1970-01-01T00:00:00.000Z","城市":"北京"}' }],
      structuredContent: { at: '1970-01-01T00:00:00.000Z', 城市: '北京' },
    });
    expect(toCallToolResult([1, 2])).toEqual({ content: [{ type: 'text', text: '[1,2]' }] });
    expect(toCallToolResult(21.5)).toEqual({ content: [{ type: 'text', text: '21.5' }] });
    expect(toCallToolResult(undefined)).toEqual({ content: [] });
  });
});
