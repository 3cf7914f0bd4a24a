import { describe, expect, it } from 'vitest';
import { createDateTimeTool } from './date-time-tool.js';
import { InvalidTimeZoneError, UnknownCityError } from './tools-errors.js';
import { toolContext } from './__fixtures__/local-model.js';

// Sunday 1 June 2025, 12:00 UTC.
const JUNE = new Date('2025-06-01T12:00:00Z');
const tool = createDateTimeTool({ now: () => JUNE });
const ask = (args: { timeZone?: string; city?: string }, context: Record<string, unknown> = {}) =>
  tool.execute(args, toolContext(context));

describe('getCurrentDateTime', () => {
  it('defaults to UTC with the injected clock', async () => {
    expect(await ask({})).toEqual({
      timeZone: 'UTC',
      iso: '2025-06-01T12:00:00+00:00',
      date: '2025-06-01',
      time: '12:00:00',
      weekday: 'Sunday',
      utcOffset: '+00:00',
    });
  });

  it('uses the user time zone from the tool context, which the arguments can override', async () => {
    expect(await ask({}, { timeZone: 'Asia/Shanghai' })).toMatchObject({
      timeZone: 'Asia/Shanghai',
      iso: '2025-06-01T20:00:00+08:00',
    });
    expect(await ask({ timeZone: 'Europe/London' }, { timeZone: 'Asia/Shanghai' })).toMatchObject({
      iso: '2025-06-01T13:00:00+01:00',
    });
    const berlin = createDateTimeTool({ now: () => JUNE, timeZone: 'Europe/Berlin' });
    expect(await berlin.execute({}, toolContext())).toMatchObject({ time: '14:00:00' });
  });

  it('handles daylight saving, half-hour offsets, the date line and lower-case names', async () => {
    const january = createDateTimeTool({ now: () => new Date('2025-01-15T03:30:00Z') });
    expect(await january.execute({ timeZone: 'America/New_York' }, toolContext())).toMatchObject({
      iso: '2025-01-14T22:30:00-05:00',
      weekday: 'Tuesday',
    });
    expect(await ask({ timeZone: 'America/New_York' })).toMatchObject({ utcOffset: '-04:00' });
    expect(await ask({ timeZone: 'Asia/Kolkata' })).toMatchObject({ time: '17:30:00' });
    expect(await ask({ timeZone: 'Pacific/Kiritimati' })).toMatchObject({ date: '2025-06-02' });
    expect(await ask({ timeZone: 'asia/tokyo' })).toMatchObject({ timeZone: 'Asia/Tokyo' });
  });

  it('answers for a city, in Chinese when asked in Chinese', async () => {
    expect(await ask({ city: 'Tokyo' })).toMatchObject({
      city: 'Tokyo',
      timeZone: 'Asia/Tokyo',
      time: '21:00:00',
      weekday: 'Sunday',
    });
    expect(await ask({ city: '北京' })).toEqual({
      city: '北京',
      timeZone: 'Asia/Shanghai',
      iso: '2025-06-01T20:00:00+08:00',
      date: '2025-06-01',
      time: '20:00:00',
      weekday: '星期日',
      utcOffset: '+08:00',
    });
    await expect(ask({ city: 'Gotham' })).rejects.toBeInstanceOf(UnknownCityError);
  });

  it('refuses a time zone Intl does not know, in the arguments, the context or the options', async () => {
    const error: unknown = await ask({ timeZone: 'Mars/Olympus' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidTimeZoneError);
    expect((error as Error).message).toBe(
      'Unknown time zone "Mars/Olympus". Use an IANA name such as "Asia/Shanghai", "Europe/London" or "America/New_York".',
    );
    await expect(ask({}, { timeZone: 'Beijing' })).rejects.toThrow('Unknown time zone "Beijing"');
    expect(() => createDateTimeTool({ timeZone: 'CET+1' })).toThrow(InvalidTimeZoneError);
  });

  it('reads the clock on every call', async () => {
    let now = JUNE;
    const ticking = createDateTimeTool({ now: () => now });
    expect(await ticking.execute({}, toolContext())).toMatchObject({ time: '12:00:00' });
    now = new Date('2025-06-01T12:00:05Z');
    expect(await ticking.execute({}, toolContext())).toMatchObject({ time: '12:00:05' });
  });
});
