import { sanitisePostHtml, mentionedUsernames } from '../../../server/src/domain/forums/post-body';
import { linkMentions, postHtmlFromText } from './post-text';

describe('the post field', () => {
  it('turns plain text into paragraphs and line breaks', () => {
    expect(postHtmlFromText('First line\nsecond line\r\n\r\nNew paragraph  ')).toBe('<p>First line<br>second line</p><p>New paragraph</p>');
  });
  it('takes text with the block tags the sanitiser keeps as HTML, as typed', () => {
    expect(postHtmlFromText('<p>One <strong>two</strong></p>\n<ul><li>x</li></ul>')).toBe('<p>One <strong>two</strong></p>\n<ul><li>x</li></ul>');
  });
  it('leaves an empty field empty, so that the API schema refuses it', () => {
    expect(postHtmlFromText(' \n ')).toBe('');
  });
  it('keeps only what the sanitiser keeps, whatever the field held', () => {
    expect(sanitisePostHtml(postHtmlFromText('hi <script>alert(1)</script>\n<img src=x onerror=alert(1)>'))).toBe('<p>hi <br /></p>');
  });
});

describe('mentions in a shown post', () => {
  const href = (name: string) => `/en/people/${encodeURIComponent(name)}`;
  it('links each mention the service notifies, and nothing else', () => {
    const html = sanitisePostHtml('<p>@ana.k and (@bob-) thanks; mail a@b.org</p>');
    expect(linkMentions(html, href)).toBe('<p><a href="/en/people/ana.k" class="mention">@ana.k</a> and (<a href="/en/people/bob" class="mention">@bob</a>-) thanks; mail a@b.org</p>');
    expect(mentionedUsernames(html)).toEqual(['ana.k', 'bob']);
  });
  it('leaves links and markup alone', () => {
    const html = sanitisePostHtml('<p><a href="https://x.org/@ana">@ana</a> <strong>@bo_b</strong></p>');
    expect(linkMentions(html, href)).toBe(html.replace('<strong>@bo_b</strong>', '<strong><a href="/en/people/bo_b" class="mention">@bo_b</a></strong>'));
  });
});
