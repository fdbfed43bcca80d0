import { parseBudgetLineCsv } from '../budget-lines/csv-import';
import { httpUrl, plainText, unstorableText } from './plain-text';

describe('plain text', () => {
  const field = plainText(40);

  it('keeps text as written, trimmed, including angle brackets that start no tag', () => {
    expect(field.parse('  Children <6 & "parents" ')).toBe('Children <6 & "parents"');
    expect(field.parse('Shkodër – 5 > 3')).toBe('Shkodër – 5 > 3');
  });

  it.each(['<svg/onload=alert(1)>', 'a <b>bold</b>', 'x </p>', '<!-- c -->', '<?php', 'A <IMG src=x>'])('refuses markup: %s', (value) => {
    expect(field.safeParse(value).error?.issues[0].message).toBe('must be plain text, without HTML');
  });

  it('refuses what no column can store, and says which', () => {
    expect(field.safeParse('a\u0000b').error?.issues[0].message).toMatch(/NUL/);
    expect(field.safeParse('a\ud800b').error?.issues[0].message).toMatch(/surrogate/);
    expect(field.safeParse('a\udc00').error?.issues[0].message).toMatch(/surrogate/);
    expect(unstorableText('emoji 😀 and Shkodër')).toBeNull();
  });

  it('counts length and minimum as configured', () => {
    expect(field.safeParse('x'.repeat(41)).success).toBe(false);
    expect(field.safeParse('   ').error?.issues[0].message).toBe('is required');
    expect(plainText(20, { min: 3 }).safeParse('ab').error?.issues[0].message).toBe('is too short');
    expect(plainText(20, { min: 0 }).parse('')).toBe('');
  });
});

describe('http(s) links', () => {
  const link = httpUrl(100);

  it('accepts absolute http and https links, kept as written', () => {
    expect(link.parse('https://meet.example.org/room?id=1&pwd=x')).toBe('https://meet.example.org/room?id=1&pwd=x');
    expect(link.parse('http://bashkia-shkoder.gov.al/takim')).toBe('http://bashkia-shkoder.gov.al/takim');
  });

  it.each(['javascript:alert(1)', 'data:text/html,x', 'ftp://example.org', 'https://', '//example.org/x', 'example.org', 'https://x.org/"><svg/onload=alert(1)>', 'https://x.org/a b', 'https://x.org/\u0000'])(
    'refuses %j',
    (value) => expect(link.safeParse(value).success).toBe(false)
  );

  it('can be limited to https', () => {
    expect(httpUrl(100, { protocols: ['https:'] }).safeParse('http://example.org').error?.issues[0].message).toBe('must be a https link');
  });
});

describe('budget line files', () => {
  it('hold plain text too: markup and NUL bytes in a name or programme are reported per line and field', () => {
    const csv = 'year,code,name,programme,approved\n2026,A-1,<b>Roads</b>,Roads,1\n2026,A-2,Parks,Green\u0000spaces,1\n2026,A-3,Care for children <6,Social care,1\n';
    expect(parseBudgetLineCsv(csv, { maxRows: 10 }).problems).toEqual([
      { line: 2, field: 'name', message: 'must be plain text, without HTML' },
      { line: 3, field: 'programme', message: 'must not contain a NUL character' },
    ]);
  });
});
