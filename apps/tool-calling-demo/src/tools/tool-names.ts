// The names a request may pick tools by (`tools: [...]`); the DTOs validate against this list and
// ToolCatalog must build exactly these (its Record<ToolName, …> makes the compiler check it).
export const TOOL_NAMES = [
  'getCurrentWeather',
  'getCurrentDateTime',
  'calculate',
  'readFile',
  'listFiles',
  'listMyOrders',
  'trackParcel',
] as const;

export type ToolName = (typeof TOOL_NAMES)[number];
