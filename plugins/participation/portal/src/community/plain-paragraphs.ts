import sanitizeHtml from 'sanitize-html';
import { escapeHtml } from '../mail/escape-html';

/**
 * What an organiser types in a plain text box (an agenda, minutes) as the rich text the API stores:
 * each non-empty line a paragraph, every character escaped, so a form without an editor still gives
 * paragraphs and nothing typed is taken as markup.
 */
export const plainParagraphs = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", nbsp: ' ' };

/**
 * Stored rich text (an agenda) back in the plain text box, to change it: a line for each paragraph,
 * list item or line break; other markup dropped. `plainParagraphs` of it gives the paragraphs again.
 */
export const paragraphsAsText = (html: string) =>
  sanitizeHtml(html.replace(/<\/(?:p|li|blockquote|h[1-6])>|<br\s*\/?>/gi, '\n'), { allowedTags: [], allowedAttributes: {} })
    .replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, (_, name: string) => ENTITIES[name])
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
