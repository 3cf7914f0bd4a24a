import { describe, expect, it } from 'vitest';
import { McpToolError } from './mcp-errors.js';
import { readToolResult } from './to-core-tool.js';

describe('readToolResult', () => {
  it('joins text parts and names the parts that are not text', () => {
    const result = readToolResult(
      {
        content: [
          { type: 'text', text: '北京：天气大风' },
          { type: 'image', data: 'AAAA', mimeType: 'image/png' },
          { type: 'resource_link', uri: 'file:///forecast.csv', name: 'forecast' },
          { type: 'resource', resource: { uri: 'mem://note', text: '注意防风' } },
        ],
      },
      'weather',
      'getCurrentWeather',
    );
    expect(result).toBe(
      '北京：天气大风\n[image: image/png]\n[resource: file:///forecast.csv]\n注意防风',
    );
  });

  it('prefers structuredContent, and throws the text of an error result', () => {
    const structured = { city: '上海', temperature: 18 };
    expect(
      readToolResult(
        { content: [{ type: 'text', text: '{}' }], structuredContent: structured },
        's',
        't',
      ),
    ).toEqual(structured);
    const read = () =>
      readToolResult({ content: [{ type: 'text', text: '城市不存在' }], isError: true }, 's', 't');
    expect(read).toThrow(McpToolError);
    expect(read).toThrow('城市不存在');
  });
});
