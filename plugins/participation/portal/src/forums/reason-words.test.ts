import { translatorFor } from '../i18n/translator';
import { reasonWords } from './reason-words';

describe('moderation reasons in words', () => {
  const en = translatorFor('en');
  it('words report reasons and the system’s and moderators’ fixed reasons', () => {
    expect(reasonWords(en, 'personal-data')).toBe('It shares someone’s personal data');
    expect(reasonWords(en, 'reports')).toBe('Reports from members');
    expect(reasonWords(en, 'appeal-upheld')).toBe('Appeal upheld');
  });
  it('shows a moderator’s own short reason as written', () => {
    expect(reasonWords(en, 'heated debate')).toBe('heated debate');
  });
  it('words them in the page’s language', () => {
    expect(reasonWords(translatorFor('sq'), 'spam')).toBe('Spam ose reklamë');
  });
});
