// Public API of @repo/tools: zod-defined tools (Spring AI's @Tool / FunctionToolCallback),
// user-controlled execution helpers, and the sample tools the demos and the MCP server share.
export { createCalculatorTool, calculatorParameters } from './calculator-tool.js';
export type { CalculatorToolOptions } from './calculator-tool.js';
export { CITIES, findCity } from './city-data.js';
export { createPathConfinement } from './confine-path.js';
export type {
  ConfinedFile,
  ConfinedPath,
  ConfinementOptions,
  PathConfinement,
  ReadConfinedOptions,
} from './confine-path.js';
export { isInside } from './is-inside.js';
export type { CityRecord, CityWeather } from './city-data.js';
export { createDateTimeTool, dateTimeParameters, TIME_ZONE_CONTEXT_KEY } from './date-time-tool.js';
export type { CurrentDateTime, DateTimeToolOptions } from './date-time-tool.js';
export { defineTool, TOOL_NAME_PATTERN, toToolParameters } from './define-tool.js';
export type { DefineToolOptions, EmptyParameters, ZodTool } from './define-tool.js';
export { evaluateExpression } from './evaluate-expression.js';
export type { EvaluatedExpression } from './evaluate-expression.js';
export {
  createListFilesTool,
  createReadFileTool,
  DEFAULT_MAX_FILE_BYTES,
  listFilesParameters,
  readFileParameters,
} from './file-tools.js';
export type { FileContent, FileEntry, FileListing, FileToolsOptions } from './file-tools.js';
// User-controlled execution: the same executor as chat's automatic loop, from core.
export { declineToolCall, runToolCalls } from '@repo/core';
export type { AnyTool, RunToolCallsOptions } from '@repo/core';
export {
  ExpressionError,
  FileAccessError,
  InvalidTimeZoneError,
  ToolArgumentsError,
  ToolDefinitionError,
  UnknownCityError,
} from './tools-errors.js';
export type { FileAccessReason } from './tools-errors.js';
export { createWeatherTool, weatherParameters } from './weather-tool.js';
export type { CurrentWeather, WeatherToolOptions } from './weather-tool.js';
