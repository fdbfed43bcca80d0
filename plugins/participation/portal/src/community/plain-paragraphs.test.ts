import { paragraphsAsText, plainParagraphs } from './plain-paragraphs';

describe('plain text as paragraphs', () => {
  it('makes each non-empty line a paragraph and escapes what looks like markup', () => {
    expect(plainParagraphs('Welcome\n\n  The <draft> plan & budget \r\n')).toBe('<p>Welcome</p><p>The &lt;draft&gt; plan &amp; budget</p>');
    expect(plainParagraphs(' \n ')).toBe('');
  });

  it('gives stored rich text back as the lines typed, and those lines the same paragraphs again', () => {
    const typed = 'Welcome\nThe <draft> plan & "budget"';
    expect(paragraphsAsText(plainParagraphs(typed))).toBe(typed);
    expect(paragraphsAsText('<ul><li>One</li><li><strong>Two</strong></li></ul><p>Three<br>Four</p>')).toBe('One\nTwo\nThree\nFour');
  });
});
