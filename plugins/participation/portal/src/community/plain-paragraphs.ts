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
