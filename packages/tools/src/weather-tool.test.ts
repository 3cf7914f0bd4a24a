import { InvalidInputError, runToolCalls } from '@repo/core';
import { describe, expect, it } from 'vitest';
import { CITIES } from './city-data.js';
import type { CityRecord } from './city-data.js';
import { UnknownCityError } from './tools-errors.js';
import { createWeatherTool } from './weather-tool.js';
import { toolContext } from './__fixtures__/local-model.js';

const weather = createWeatherTool();
const ask = (args: { city: string; unit?: 'C' | 'F' }) => weather.execute(args, toolContext());

describe('getCurrentWeather', () => {
  it('has the one signature shared by the demos and the MCP server', () => {
    expect(weather.name).toBe('getCurrentWeather');
    expect(weather.parameters).toEqual({
      type: 'object',
      properties: {
        city: {
          type: 'string',
          minLength: 1,
          description: 'City name in English or Chinese, e.g. "Paris" or "北京"',
        },
        unit: {
          type: 'string',
          enum: ['C', 'F'],
          description: 'Temperature unit: C (default) or F',
        },
      },
      required: ['city'],
    });
  });

  it('answers from the bundled data, in Celsius by default and in Fahrenheit on request', async () => {
    expect(await ask({ city: 'Paris' })).toEqual({
      city: 'Paris',
      temperature: 21,
      unit: 'C',
      condition: 'Sunny',
      humidity: 50,
      windKph: 10,
    });
    expect(await ask({ city: 'Paris', unit: 'F' })).toMatchObject({ temperature: 70, unit: 'F' });
    expect(await ask({ city: 'London' })).toMatchObject({
      temperature: 15,
      condition: 'Light rain',
    });
  });

  it('answers a Chinese city name in Chinese', async () => {
    expect(await ask({ city: '北京' })).toEqual({
      city: '北京',
      temperature: 18,
      unit: 'C',
      condition: '晴',
      humidity: 35,
      windKph: 12,
    });
    expect(await ask({ city: '杭州', unit: 'F' })).toMatchObject({
      city: '杭州',
      temperature: 70,
      condition: '小雨',
    });
    expect(await ask({ city: '纽约' })).toMatchObject({ city: '纽约', condition: '大风' });
  });

  it.each([
    ['北京市', '北京'],
    ['beijing', 'Beijing'],
    ['  SHANGHAI ', 'Shanghai'],
    ['Shenzhen, China', 'Shenzhen'],
    ['广州，中国', '广州'],
    ['NYC', 'New York'],
    ['new-york', 'New York'],
    ['三藩市', '旧金山'],
    ['ｔｏｋｙｏ', 'Tokyo'],
  ])('finds %j as %s', async (city, expected) => {
    expect((await ask({ city })).city).toBe(expected);
  });

  it('refuses an unknown city with the list of known ones', async () => {
    const error: unknown = await ask({ city: 'Atlantis' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownCityError);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as UnknownCityError).city).toBe('Atlantis');
    expect((error as UnknownCityError).knownCities).toHaveLength(12);
    expect((error as Error).message).toBe(
      'No data for the city "Atlantis". Known cities: Beijing (北京), Shanghai (上海), Hangzhou (杭州), ' +
        'Shenzhen (深圳), Guangzhou (广州), Chengdu (成都), London (伦敦), New York (纽约), Tokyo (东京), ' +
        'Paris (巴黎), Sydney (悉尼), San Francisco (旧金山).',
    );
  });

  it('returns the refusal to the model as an error result', async () => {
    const [result] = await runToolCalls(
      [{ type: 'tool-call', id: 'c1', name: 'getCurrentWeather', arguments: { city: '火星' } }],
      [weather],
    );
    expect(result?.isError).toBe(true);
    expect(result?.result).toMatch(
      /^Tool "getCurrentWeather" failed: No data for the city "火星"\. Known cities: Beijing \(北京\)/,
    );
  });

  it('bundles a dozen cities, six of them Chinese, each with a valid time zone', () => {
    expect(CITIES.map((c) => c.nameZh)).toEqual([
      ...['北京', '上海', '杭州', '深圳', '广州', '成都'],
      ...['伦敦', '纽约', '东京', '巴黎', '悉尼', '旧金山'],
    ]);
    for (const city of CITIES)
      expect(
        new Intl.DateTimeFormat('en', { timeZone: city.timeZone }).resolvedOptions().timeZone,
      ).toBe(city.timeZone);
  });

  it('takes its own city data and name', async () => {
    const lhasa: CityRecord = {
      name: 'Lhasa',
      nameZh: '拉萨',
      timeZone: 'Asia/Shanghai',
      weather: { temperatureC: 9, condition: { en: 'Sunny', zh: '晴' }, humidity: 20, windKph: 8 },
    };
    const tool = createWeatherTool({ cities: [lhasa], name: 'weatherInTibet' });
    expect(tool.name).toBe('weatherInTibet');
    expect(await tool.execute({ city: '拉萨' }, toolContext())).toMatchObject({ temperature: 9 });
    await expect(tool.execute({ city: 'Paris' }, toolContext())).rejects.toThrow(
      'No data for the city "Paris". Known cities: Lhasa (拉萨).',
    );
  });
});
