/**
 * What an organiser types (a date and a time on the clock of the municipality) as the instant the API
 * takes. The offset is the zone's at that moment, so a meeting in summer and one in winter both land
 * at the hour people read on the wall.
 */
const offsetMinutes = (instant: number, timeZone: string) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value])
  );
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return Math.round((wall - instant) / 60_000);
};

const pad = (value: number) => String(Math.abs(value)).padStart(2, '0');

/** `2026-12-10`, `10:00`, `Europe/Tirane` → `2026-12-10T10:00:00+01:00`; null when the date or time is not one. */
export const localInstant = (date: string, time: string, timeZone: string): string | null => {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const clock = /^(\d{2}):(\d{2})$/.exec(time);
  if (!day || !clock) return null;
  const [year, month, dayOfMonth, hour, minute] = [...day.slice(1), ...clock.slice(1)].map(Number);
  const wall = Date.UTC(year, month - 1, dayOfMonth, hour, minute);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== dayOfMonth || hour > 23 || minute > 59) return null;
  // The offset at the guessed instant, then again at the corrected one (a change of clocks between them).
  let offset = offsetMinutes(wall, timeZone);
  offset = offsetMinutes(wall - offset * 60_000, timeZone);
  const sign = offset < 0 ? '-' : '+';
  return `${date}T${time}:00${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
};

/** An instant as the date and time on the municipality's clock, to fill a form in again. */
export const wallClock = (instant: string, timeZone: string) => {
  const at = Date.parse(instant);
  const shifted = new Date(at + offsetMinutes(at, timeZone) * 60_000).toISOString();
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) };
};
