/**
 * What the portal's post field takes and how a stored post is shown. The field is a plain textarea
 * (a script may enhance it): paragraphs separated by an empty line, or the few HTML tags the forum's
 * sanitiser keeps (domain/forums/post-body.ts), which still decides what is stored.
 */

/** Block tags the sanitiser keeps: text that uses them is taken as HTML, as typed. */
const BLOCK_TAG = /<(p|ul|ol|blockquote)[\s>]/i;

/** Plain text into paragraphs (an empty line) and line breaks (a single newline); HTML as it is. */
export const postHtmlFromText = (text: string): string => {
  const normalised = text.replace(/\r\n?/g, '\n').trim();
  if (normalised === '' || BLOCK_TAG.test(normalised)) return normalised;
  return normalised
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${paragraph.trim().split('\n').join('<br>')}</p>`)
    .join('');
};

/** `@name` after a start, a space or punctuation (not an e-mail address), as domain/forums/post-body.ts reads it. */
const MENTION = /(^|[^\w@.&;])@([\w][\w.-]{1,63})/g;

/**
 * `@username` in a stored (already sanitised) post as a link to that person's page. Only text between
 * tags is touched, never text inside a link, so the sanitiser's escaping and links stay as they were.
 */
export const linkMentions = (html: string, hrefOf: (username: string) => string): string => {
  let insideLink = 0;
  return html
    .split(/(<[^>]*>)/)
    .map((part) => {
      if (part.startsWith('<')) {
        if (/^<a[\s>]/i.test(part)) insideLink += 1;
        else if (/^<\/a>/i.test(part)) insideLink = Math.max(0, insideLink - 1);
        return part;
      }
      if (insideLink > 0) return part;
      return part.replace(MENTION, (_match, before: string, raw: string) => {
        // As the service reads mentions: a trailing dot or dash ends the sentence, not the name.
        const name = raw.replace(/[.-]+$/, '');
        const rest = raw.slice(name.length);
        return `${before}<a href="${hrefOf(name)}" class="mention">@${name}</a>${rest}`;
      });
    })
    .join('');
};
