import { moneyFractionDigits, translatorFor } from './translator';

/** Intl separates the currency with a no-break space: compared with a plain one. */
const money = (lang: 'en' | 'sq' | 'vi', amount: string, currency: string) => translatorFor(lang).money(amount, currency).replace(/[\u00a0\u202f]/g, ' ');

describe('money on the pages', () => {
  it('never rounds away the hundredths of a currency Intl shows without decimals', () => {
    expect(money('en', '1234.50', 'ALL')).toBe('ALL 1,234.50');
    expect(money('en', '0.01', 'ALL')).toBe('ALL 0.01');
    expect(money('en', '99999999.99', 'ALL')).toBe('ALL 99,999,999.99');
    expect(money('vi', '1234.5', 'VND')).toBe('1.234,50 ₫');
    expect(money('sq', '12345.50', 'ALL')).toBe('12 345,50 Lekë');
  });

  it('shows whole amounts without decimals, in every currency', () => {
    expect(money('en', '1234.00', 'ALL')).toBe('ALL 1,234');
    expect(money('en', '1234', 'EUR')).toBe('€1,234');
    expect(money('en', '0.00', 'KES')).toBe('KES 0');
  });

  it('keeps two decimals in currencies that have them, and every decimal an amount has', () => {
    expect(money('en', '1234.5', 'EUR')).toBe('€1,234.50');
    expect(money('en', '0.125', 'EUR')).toBe('€0.125');
  });

  it('formats amounts beyond what a float holds exactly', () => {
    expect(money('en', '90071992547409.93', 'ALL')).toBe('ALL 90,071,992,547,409.93');
  });

  it.each([
    ['1234', 0],
    ['1234.00', 0],
    ['1234.50', 2],
    ['1234.05', 2],
    ['0.125', 3],
  ])('%s has %i decimals on a page', (amount, digits) => {
    expect(moneyFractionDigits(amount)).toBe(digits);
  });
});

describe('messages with elements in them', () => {
  it("puts an element where the message's value goes, in the order the language puts it, with the message's own words around it", () => {
    const title = { element: 'the title' };
    expect(translatorFor('en').parts('results.title', { round: title })).toEqual(['Results: ', title]);
    expect(translatorFor('sq').parts('roundFollow.title', { title })).toEqual(['Njoftime për “', title, '”']);
  });

  it('gives the text alone when every value is text', () => {
    expect(translatorFor('en').parts('results.title', { round: 'Parks 2027' })).toEqual(['Results: Parks 2027']);
  });
});
