// getCurrentWeather, the one weather signature used everywhere (tool-calling demo, MCP weather
// server, MCP client demo). It maps the seed's two weather tools onto one: Spring AI's
// `currentWeather(location, unit C|F)` and the MCP server's `getCurrentWeather(cityName)`.
import { z } from 'zod';
import { CITIES, cityLabels, findCity, isChineseText } from './city-data.js';
import type { CityRecord } from './city-data.js';
import { defineTool } from './define-tool.js';
import type { ZodTool } from './define-tool.js';
import { UnknownCityError } from './tools-errors.js';

export const weatherParameters = z.object({
  city: z.string().min(1).describe('City name in English or Chinese, e.g. "Paris" or "北京"'),
  unit: z.enum(['C', 'F']).optional().describe('Temperature unit: C (default) or F'),
});

export interface CurrentWeather {
  /** The city's name, in Chinese when it was asked for in Chinese. */
  city: string;
  temperature: number;
  unit: 'C' | 'F';
  /** In Chinese when the city was asked for in Chinese. */
  condition: string;
  /** Relative humidity, percent. */
  humidity: number;
  windKph: number;
}

export interface WeatherToolOptions {
  /** Replaces the bundled dozen cities (a test's or a workshop's own data). */
  cities?: readonly CityRecord[];
  /** Tool name; default `getCurrentWeather`. */
  name?: string;
}

export function createWeatherTool(
  options: WeatherToolOptions = {},
): ZodTool<typeof weatherParameters, CurrentWeather> {
  const cities = options.cities ?? CITIES;
  return defineTool({
    name: options.name ?? 'getCurrentWeather',
    description:
      'Get the current weather for a city: temperature, conditions, humidity and wind ' +
      '(offline data; an unknown city gets the list of known ones).',
    parameters: weatherParameters,
    execute: ({ city, unit = 'C' }) => lookUpWeather(city, unit, cities),
  });
}

export function lookUpWeather(
  city: string,
  unit: 'C' | 'F' = 'C',
  cities: readonly CityRecord[] = CITIES,
): CurrentWeather {
  const record = findCity(city, cities);
  if (!record) throw new UnknownCityError(city, cityLabels(cities));
  const chinese = isChineseText(city);
  const { temperatureC, condition, humidity, windKph } = record.weather;
  return {
    city: chinese ? record.nameZh : record.name,
    temperature: unit === 'F' ? Math.round((temperatureC * 9) / 5 + 32) : temperatureC,
    unit,
    condition: chinese ? condition.zh : condition.en,
    humidity,
    windKph,
  };
}
