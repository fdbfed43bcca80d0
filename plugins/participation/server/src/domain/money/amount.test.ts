import { decimalSeparatorOf, formatMinor, parseAmount, sumMinor } from './amount';

describe('parseAmount', () => {
  // Imports read the decimal separator from the amounts when a file does not state it.
  it.each([
    ['1250000.50', '.', '125000050'],
    ['1,250,000.50', '.', '125000050'],
    ['1 250 000,50', ',', '125000050'],
    ['1.250.000,50', ',', '125000050'],
    ["1'250'000.5", '.', '125000050'],
    ['1,000,000', '.', '100000000'],
  ] as const)('%j shows "%s" decimals and is %s minor units', (raw, separator, minor) => {
    expect(decimalSeparatorOf(raw)).toBe(separator);
    expect(parseAmount(raw, separator)).toEqual({ ok: true, minor });
  });

  it.each([
    ['0', '.', '0'],
    ['12', ',', '1200'],
    [1000.1, '.', '100010'],
  ] as const)('%j with "%s" decimals → %s minor units', (raw, separator, minor) => {
    expect(parseAmount(raw, separator)).toEqual({ ok: true, minor });
  });

  it('keeps amounts that floats would round exactly', () => {
    expect(parseAmount('90071992547409.91')).toEqual({ ok: true, minor: '9007199254740991' });
    expect(formatMinor('9007199254740991')).toBe('90071992547409.91');
  });

  it.each([
    ['0', '0.00'], ['5', '0.05'], ['50', '0.50'], ['100', '1.00'], ['007', '0.07'], ['000120', '1.20'], [12345, '123.45'], [BigInt(10), '0.10'],
    [null, '0.00'], [undefined, '0.00'], ['123456789012345678901', '1234567890123456789.01'], ['-5', '-0.05'], ['12.5', '0.13'],
  ] as const)('formats %p minor units as %s', (minor, formatted) => {
    expect(formatMinor(minor)).toBe(formatted);
  });

  it.each([
    ['', 'is required'],
    ['-5', 'must not be negative'],
    ['abc', '"abc" is not a number'],
    ['1.234', 'has more than two decimal places'],
    ['1e5', '"1e5" is not a number'],
    ['99999999999999999', 'is too large'],
  ])('refuses %j: %s', (raw, message) => {
    expect(parseAmount(raw)).toEqual({ ok: false, message });
  });

  it('sums minor units exactly', () => {
    expect(sumMinor(['10', 20, null, '9007199254740991'])).toBe('9007199254741021');
  });
});
