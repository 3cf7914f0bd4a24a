// Every tool this app offers the model, built once from the config: the sample tools of
// @repo/tools (the seed's DateTimeTools, MathTools, WeatherService and FileReaderTools, the file
// reader confined to TOOLS_FILES_ROOT) plus the shop tools that show tool context and returnDirect.
// Spring AI's ToolCallbackResolver, as a plain name → tool map.
import { Inject, Injectable } from '@nestjs/common';
import type { AnyTool } from '@repo/chat';
import {
  createCalculatorTool,
  createDateTimeTool,
  createListFilesTool,
  createReadFileTool,
  createWeatherTool,
} from '@repo/tools';
import type { AppConfig } from '../app-config.js';
import { APP_CONFIG } from '@repo/nest';
import { createListMyOrdersTool, createTrackParcelTool } from './shop-tools.js';
import { TOOL_NAMES, type ToolName } from './tool-names.js';

/** A tool as the model sees it (name, description, JSON schema), for `GET /api/tools`. */
export interface ToolInfo {
  name: string;
  description: string;
  parameters: unknown;
  returnDirect: boolean;
}

@Injectable()
export class ToolCatalog {
  private readonly tools: Record<ToolName, AnyTool>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const fixed = config.TOOLS_FIXED_TIME ? new Date(config.TOOLS_FIXED_TIME) : undefined;
    const root = config.TOOLS_FILES_ROOT;
    this.tools = {
      getCurrentWeather: createWeatherTool(),
      getCurrentDateTime: createDateTimeTool(fixed ? { now: () => fixed } : {}),
      calculate: createCalculatorTool(),
      readFile: createReadFileTool({ root, maxBytes: 64 * 1024 }),
      listFiles: createListFilesTool({ root }),
      listMyOrders: createListMyOrdersTool(),
      trackParcel: createTrackParcelTool(),
    };
  }

  /** The named tools, in the order asked; every tool when `names` is absent. */
  select(names?: readonly ToolName[]): AnyTool[] {
    return (names ?? TOOL_NAMES).map((name) => this.tools[name]);
  }

  get(name: ToolName): AnyTool {
    return this.tools[name];
  }

  describe(): ToolInfo[] {
    return this.select().map(({ name, description, parameters, returnDirect }) => ({
      name,
      description,
      parameters,
      returnDirect: returnDirect === true,
    }));
  }
}
