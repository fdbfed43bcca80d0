import { createHash } from 'crypto';
import sanitizeHtml from 'sanitize-html';

/**
 * What a post may contain: paragraphs, emphasis, lists, quotes and links — nothing that runs. Links
 * keep only http(s) and mailto targets and always open as untrusted user content.
 */
const POST_HTML: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 'ul', 'ol', 'li', 'blockquote', 'a'],
  // rel and target are set by transformTags below, never taken from the input.
  allowedAttributes: { a: ['href', 'rel', 'target'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Text inside dropped elements such as <script> or <style> is dropped with them, not shown as text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'template'],
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow ugc noopener noreferrer', target: '_blank' }),
  },
  parser: { lowerCaseTags: true, lowerCaseAttributeNames: true },
};

export const sanitisePostHtml = (html: string): string => sanitizeHtml(html, POST_HTML).trim();

/** The text a reader sees, for length limits, duplicate detection and mentions. */
export const visibleText = (html: string): string =>
  sanitizeHtml(html.replace(/<\/(?:p|li|blockquote)>|<br\s*\/?>/gi, ' '), { allowedTags: [], allowedAttributes: {}, nonTextTags: POST_HTML.nonTextTags })
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Same words, same post: case, spacing and markup do not make a repeated post new. The fingerprint is
 * stored instead of being recomputed from old posts.
 */
export const postFingerprint = (html: string): string =>
  createHash('sha256').update(visibleText(html).toLowerCase().normalize('NFKC')).digest('hex');

/** `@username` mentions (Strapi usernames: letters, digits, dot, dash, underscore), each once. */
export const mentionedUsernames = (html: string): string[] => {
  const names = [...visibleText(html).matchAll(/(?:^|[^\w@.])@([\w][\w.-]{1,63})/g)].map((match) => match[1].replace(/[.-]+$/, ''));
  return [...new Set(names)].slice(0, 20);
};
