import { plainParagraphs } from './plain-paragraphs';

describe('plain text as paragraphs', () => {
  it('makes each non-empty line a paragraph and escapes what looks like markup', () => {
    expect(plainParagraphs('Welcome\n\n  The <draft> plan & budget \r\n')).toBe('<p>Welcome</p><p>The &lt;draft&gt; plan &amp; budget</p>');
    expect(plainParagraphs(' \n ')).toBe('');
  });
});
