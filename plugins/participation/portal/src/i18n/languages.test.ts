import { pickLanguage } from './languages';

describe('pickLanguage', () => {
  it('keeps a remembered choice over the browser', () => expect(pickLanguage('vi', 'sq,en;q=0.8', 'en')).toBe('vi'));
  it('takes the best accepted language the portal has', () => {
    expect(pickLanguage(undefined, 'de-DE,sq-AL;q=0.9,en;q=0.8', 'en')).toBe('sq');
    expect(pickLanguage(undefined, 'en;q=0.2, vi;q=0.9', 'sq')).toBe('vi');
  });
  it('ignores refused and unknown ranges, and falls back', () => {
    expect(pickLanguage('xx', 'vi;q=0, de', 'sq')).toBe('sq');
    expect(pickLanguage(undefined, undefined, 'en')).toBe('en');
  });
});
