// The bundled offline city data behind the weather and date-time tools. Fixed values, no clock and
// no randomness, so tests, README outputs and the MCP weather server's answers never drift. The
// seed's weather tools returned a constant ("30.0 C", "天气大风"); a dozen cities with different
// conditions make demos show that the model really passed the city through.

export interface CityWeather {
  /** Celsius; Fahrenheit is derived. */
  temperatureC: number;
  condition: { en: string; zh: string };
  /** Relative humidity, percent. */
  humidity: number;
  windKph: number;
}

export interface CityRecord {
  name: string;
  /** The Chinese name, accepted as input and used in answers to Chinese questions. */
  nameZh: string;
  /** Other spellings accepted as input (lowercase). */
  aliases?: readonly string[];
  /** IANA time zone, for the date-time tool. */
  timeZone: string;
  weather: CityWeather;
}

const w = (temperatureC: number, en: string, zh: string, humidity: number, windKph: number) => ({
  temperatureC,
  condition: { en, zh },
  humidity,
  windKph,
});

export const CITIES: readonly CityRecord[] = [
  {
    name: 'Beijing',
    nameZh: '北京',
    aliases: ['peking'],
    timeZone: 'Asia/Shanghai',
    weather: w(18, 'Sunny', '晴', 35, 12),
  },
  {
    name: 'Shanghai',
    nameZh: '上海',
    timeZone: 'Asia/Shanghai',
    weather: w(22, 'Partly cloudy', '多云', 70, 15),
  },
  {
    name: 'Hangzhou',
    nameZh: '杭州',
    timeZone: 'Asia/Shanghai',
    weather: w(21, 'Light rain', '小雨', 82, 9),
  },
  {
    name: 'Shenzhen',
    nameZh: '深圳',
    timeZone: 'Asia/Shanghai',
    weather: w(27, 'Showers', '阵雨', 85, 14),
  },
  {
    name: 'Guangzhou',
    nameZh: '广州',
    aliases: ['canton'],
    timeZone: 'Asia/Shanghai',
    weather: w(28, 'Overcast', '阴', 80, 10),
  },
  {
    name: 'Chengdu',
    nameZh: '成都',
    timeZone: 'Asia/Shanghai',
    weather: w(19, 'Foggy', '雾', 88, 5),
  },
  {
    name: 'London',
    nameZh: '伦敦',
    timeZone: 'Europe/London',
    weather: w(15, 'Light rain', '小雨', 76, 18),
  },
  {
    name: 'New York',
    nameZh: '纽约',
    aliases: ['nyc', 'new york city'],
    timeZone: 'America/New_York',
    // The seed's MCP weather server always answered "天气大风" (strong wind).
    weather: w(17, 'Windy', '大风', 55, 32),
  },
  {
    name: 'Tokyo',
    nameZh: '东京',
    timeZone: 'Asia/Tokyo',
    weather: w(20, 'Clear', '晴朗', 60, 11),
  },
  {
    name: 'Paris',
    nameZh: '巴黎',
    timeZone: 'Europe/Paris',
    weather: w(21, 'Sunny', '晴', 50, 10),
  },
  {
    name: 'Sydney',
    nameZh: '悉尼',
    timeZone: 'Australia/Sydney',
    weather: w(24, 'Partly cloudy', '多云', 58, 20),
  },
  {
    name: 'San Francisco',
    nameZh: '旧金山',
    aliases: ['sf', '三藩市'],
    timeZone: 'America/Los_Angeles',
    weather: w(16, 'Foggy', '雾', 80, 22),
  },
];

/** True when the text has a CJK character: the answer then uses Chinese names and words. */
export function isChineseText(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}

/**
 * The city the user meant: case, spacing and punctuation ignored; "北京市", "Beijing, China" and
 * "new york city" all match. Undefined when nothing matches.
 */
export function findCity(query: string, cities: readonly CityRecord[]): CityRecord | undefined {
  const candidates = [query, query.split(/[,，]/)[0] ?? query];
  for (const candidate of candidates) {
    const key = cityKey(candidate);
    if (key === '') continue;
    const found = cities.find((city) =>
      [city.name, city.nameZh, ...(city.aliases ?? [])].some((name) => cityKey(name) === key),
    );
    if (found) return found;
  }
  return undefined;
}

/** "Beijing (北京)" labels for error messages that list what would work. */
export function cityLabels(cities: readonly CityRecord[]): string[] {
  return cities.map((city) => `${city.name} (${city.nameZh})`);
}

function cityKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}]+/gu, '')
    .replace(/(?<=\p{Script=Han})市$/u, '');
}
