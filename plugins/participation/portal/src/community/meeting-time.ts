/**
 * A meeting happens at a place, so its time is said in the municipality's own time zone, named, whatever
 * the reader's. Municipalities carry a country, not a zone: the platform's countries each keep one.
 */
const ZONES: Record<string, string> = {
  AL: 'Europe/Tirane',
  BD: 'Asia/Dhaka',
  IN: 'Asia/Kolkata',
  KE: 'Africa/Nairobi',
  NP: 'Asia/Kathmandu',
  VN: 'Asia/Ho_Chi_Minh',
};

export const timeZoneOf = (country: string) => ZONES[country.toUpperCase()] ?? 'UTC';

const formats = new Map<string, Intl.DateTimeFormat>();
const formatFor = (lang: string, timeZone: string) => {
  const id = `${lang} ${timeZone}`;
  let format = formats.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' });
    formats.set(id, format);
  }
  return format;
};

/** "Thursday, 10 December 2026 at 10:00 – 12:30 CET": one range when the meeting has an end. */
export const meetingTime = (lang: string, country: string, startsAt: string, endsAt: string | null) => {
  const format = formatFor(lang, timeZoneOf(country));
  return endsAt ? format.formatRange(new Date(startsAt), new Date(endsAt)) : format.format(new Date(startsAt));
};
