// getCurrentDateTime: the seed's DateTimeTools ("Get the current date and time in the user's
// timezone", with the zone from Spring's LocaleContextHolder). Here the user's zone comes from the
// tool context (`timeZone`), which the model never sees; the model may still ask for another zone
// or a city. The clock is injectable so tests and README outputs are exact.
import type { ToolExecutionContext } from '@repo/core';
import { z } from 'zod';
import { CITIES, cityLabels, findCity, isChineseText } from './city-data.js';
import type { CityRecord } from './city-data.js';
import { defineTool } from './define-tool.js';
import type { ZodTool } from './define-tool.js';
import { InvalidTimeZoneError, UnknownCityError } from './tools-errors.js';

/** The tool-context key holding the user's IANA time zone. */
export const TIME_ZONE_CONTEXT_KEY = 'timeZone';

export const dateTimeParameters = z.object({
  timeZone: z
    .string()
    .optional()
    .describe('IANA time zone, e.g. "Asia/Shanghai"; omit for the user\'s own time zone'),
  city: z.string().optional().describe('A city instead of a time zone, e.g. "Tokyo" or "北京"'),
});

export interface CurrentDateTime {
  timeZone: string;
  /** Present when asked by city; in Chinese when asked in Chinese. */
  city?: string;
  /** `2025-06-01T20:00:00+08:00`: local time with its UTC offset. */
  iso: string;
  date: string;
  time: string;
  weekday: string;
  utcOffset: string;
}

export interface DateTimeToolOptions {
  /** The clock; default `() => new Date()`. */
  now?: () => Date;
  /** Used when neither the arguments nor the tool context name a zone; default `UTC`. */
  timeZone?: string;
  /** Cities accepted as `city`; default the bundled ones (shared with the weather tool). */
  cities?: readonly CityRecord[];
}

export function createDateTimeTool(
  options: DateTimeToolOptions = {},
): ZodTool<typeof dateTimeParameters, CurrentDateTime> {
  const now = options.now ?? (() => new Date());
  const fallbackZone = canonicalTimeZone(options.timeZone ?? 'UTC');
  const cities = options.cities ?? CITIES;
  return defineTool({
    name: 'getCurrentDateTime',
    description:
      "Get the current date and time in the user's time zone, another IANA time zone or a city.",
    parameters: dateTimeParameters,
    execute(args, context) {
      if (args.city !== undefined) {
        const record = findCity(args.city, cities);
        if (!record) throw new UnknownCityError(args.city, cityLabels(cities));
        const chinese = isChineseText(args.city);
        const city = chinese ? record.nameZh : record.name;
        return { ...formatDateTime(now(), record.timeZone, chinese), city };
      }
      const zone = args.timeZone ?? contextTimeZone(context) ?? fallbackZone;
      return formatDateTime(now(), canonicalTimeZone(zone), false);
    },
  });
}

function contextTimeZone(context: ToolExecutionContext): string | undefined {
  const value = context.context[TIME_ZONE_CONTEXT_KEY];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The runtime's spelling of an IANA zone ("asia/shanghai" → "Asia/Shanghai"); throws when unknown. */
export function canonicalTimeZone(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    throw new InvalidTimeZoneError(timeZone);
  }
}

export function formatDateTime(
  instant: Date,
  timeZone: string,
  chinese = false,
): Omit<CurrentDateTime, 'city'> {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  // "GMT+08:00", or plain "GMT" at offset zero.
  const utcOffset = part('timeZoneName').replace('GMT', '') || '+00:00';
  const date = `${part('year')}-${part('month')}-${part('day')}`;
  const time = `${part('hour')}:${part('minute')}:${part('second')}`;
  const weekday = new Intl.DateTimeFormat(chinese ? 'zh-CN' : 'en-US', {
    timeZone,
    weekday: 'long',
  }).format(instant);
  return { timeZone, iso: `${date}T${time}${utcOffset}`, date, time, weekday, utcOffset };
}
