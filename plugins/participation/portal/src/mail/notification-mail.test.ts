import { notificationMail } from './notification-mail';

const mail = (title: string, lang: 'en' | 'sq', titleLanguage?: 'en' | 'sq') =>
  notificationMail({
    lang,
    username: 'arta',
    kind: 'reply',
    payloads: [{ topic: 'reply', title, path: '/threads/t1', author: 'ben' }],
    portalUrl: (path) => `https://example.org/${lang}${path}`,
    unsubscribeUrl: `https://example.org/${lang}/unsubscribe/token`,
    titleLanguage,
  });

describe('notification mail', () => {
  it('marks the title with its language in the HTML when the mail is in another', () => {
    const { html, text, subject } = mail('Ndriçim në park', 'en', 'sq');
    expect(html).toContain('<span lang="sq" dir="ltr">Ndriçim në park</span>');
    expect(html).toMatch(/^<!doctype html><html lang="en">/);
    // Text and subject cannot carry a language: they quote the title as written.
    expect(subject).toContain('Ndriçim në park');
    expect(text).not.toContain('<span');
  });

  it('adds no mark when the title is in the mail’s language or its language is not known', () => {
    expect(mail('Ndriçim në park', 'sq', 'sq').html).not.toContain('<span');
    expect(mail('Lights in the park', 'en').html).not.toContain('<span');
  });

  it('escapes the title and keeps a $ in it as written', () => {
    const { html } = mail('Costs <b>$&</b> & more', 'en', 'sq');
    expect(html).toContain('<span lang="sq" dir="ltr">Costs &lt;b&gt;$&amp;&lt;/b&gt; &amp; more</span>');
  });

  it('links the page and the unsubscribe address', () => {
    const { html } = mail('Park', 'en');
    expect(html).toContain('<a href="https://example.org/en/threads/t1">https://example.org/en/threads/t1</a>');
    expect(html).toContain('<a href="https://example.org/en/unsubscribe/token">https://example.org/en/unsubscribe/token</a>');
  });
});
