import { localInstant, wallClock } from './local-time';

describe('a date and time on the municipality’s clock', () => {
  it('carries the zone’s offset of that day, summer and winter', () => {
    expect(localInstant('2026-12-10', '10:00', 'Europe/Tirane')).toBe('2026-12-10T10:00:00+01:00');
    expect(localInstant('2026-07-01', '18:30', 'Europe/Tirane')).toBe('2026-07-01T18:30:00+02:00');
    expect(localInstant('2026-07-01', '18:30', 'Asia/Kathmandu')).toBe('2026-07-01T18:30:00+05:45');
    expect(localInstant('2026-07-01', '09:00', 'UTC')).toBe('2026-07-01T09:00:00+00:00');
  });

  it('refuses what is not a date or a time', () => {
    expect(localInstant('2026-02-30', '10:00', 'Europe/Tirane')).toBeNull();
    expect(localInstant('2026-12-10', '25:00', 'Europe/Tirane')).toBeNull();
    expect(localInstant('', '10:00', 'Europe/Tirane')).toBeNull();
    expect(localInstant('10.12.2026', '10:00', 'Europe/Tirane')).toBeNull();
  });

  it('reads an instant back as the wall clock', () => {
    expect(wallClock('2026-12-10T09:00:00.000Z', 'Europe/Tirane')).toEqual({ date: '2026-12-10', time: '10:00' });
  });
});
