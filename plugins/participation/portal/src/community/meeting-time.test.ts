import { meetingTime, timeZoneOf } from './meeting-time';

describe('meeting times', () => {
  it('are said in the time zone of the municipality’s country', () => {
    expect(timeZoneOf('AL')).toBe('Europe/Tirane');
    expect(timeZoneOf('np')).toBe('Asia/Kathmandu');
    expect(timeZoneOf('ZZ')).toBe('UTC');
  });

  it('give the local hour and its zone, as one range when the meeting has an end', () => {
    const text = meetingTime('en', 'AL', '2026-12-10T09:00:00.000Z', '2026-12-10T11:30:00.000Z');
    expect(text).toMatch(/December 10, 2026/);
    expect(text).toMatch(/10:00/);
    expect(text).toMatch(/12:30/);
    expect(text).toMatch(/GMT\+1|CET/);
    expect(meetingTime('en', 'VN', '2026-12-10T09:00:00.000Z', null)).toMatch(/4:00 PM/);
  });
});
