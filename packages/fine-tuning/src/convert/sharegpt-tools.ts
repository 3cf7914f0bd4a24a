// OpenAI tool definitions ⇄ LLaMA-Factory's `tools` column: a JSON string holding the functions
// themselves (`[{"name", "description", "parameters"}]`), as its glaive_toolcall demo data has
// them. Read back, each function is wrapped as `{"type": "function", "function": {…}}` again.
import { isObject, objectWithKeys, refuse, stringField, type RowPlace } from './refuse.js';

/** OpenAI tool definitions → LLaMA-Factory's tools column: a JSON string of the functions. */
export function toolsToShareGpt(tools: readonly unknown[], place: RowPlace): string {
  return JSON.stringify(
    tools.map((tool, i) => {
      const raw = objectWithKeys(tool, ['type', 'function'], place, `tools[${i}]`);
      if (raw.type !== 'function' || !isObject(raw.function))
        refuse(
          place,
          `tools[${i}]`,
          'must be {"type": "function", "function": {…}} to be written as sharegpt',
        );
      return raw.function;
    }),
  );
}

export function toolsFromShareGpt(value: unknown, place: RowPlace): unknown[] {
  const text = stringField(value, place, 'tools');
  let tools: unknown;
  try {
    tools = JSON.parse(text);
  } catch {
    tools = undefined;
  }
  if (!Array.isArray(tools))
    refuse(place, 'tools', 'must be a JSON string holding an array of functions');
  return tools.map((tool) =>
    isObject(tool) && tool.type === 'function' ? tool : { type: 'function', function: tool },
  );
}
