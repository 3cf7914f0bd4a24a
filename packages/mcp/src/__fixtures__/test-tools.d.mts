import type { Tool } from '@repo/core';

export declare const getCurrentWeather: Tool<{ cityName: string }, string>;
export declare const getForecast: Tool<{ city: string; days: number }, object>;
export declare const echo: Tool<{ text: string }, string>;
export declare const failingTool: Tool<Record<string, never>, never>;
export declare const wait: Tool<{ ms: number }, string>;
export declare const whoAmI: Tool<Record<string, never>, object>;
export declare const testTools: Tool<unknown, unknown>[];
