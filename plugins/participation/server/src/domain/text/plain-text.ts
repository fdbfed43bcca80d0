import { z } from 'zod';

/**
 * Why a string cannot be stored, or null when it can. PostgreSQL refuses NUL in text and json columns,
 * and a lone UTF-16 surrogate is not a character at all: it cannot be encoded as UTF-8 (pg would write
 * U+FFFD instead) and jsonb refuses its `\ud800` escape.
 */
export const unstorableText = (value: string): string | null => {
  if (value.includes('\u0000')) return 'must not contain a NUL character';
  if (/\p{Surrogate}/u.test(value)) return 'contains an incomplete character (a lone UTF-16 surrogate)';
  return null;
};

/** `<` followed by a letter, `/`, `!` or `?` is how HTML starts a tag, a comment or a declaration. */
export const looksLikeMarkup = (value: string): boolean => /<[a-z!/?]/i.test(value);

/** Why a string is not acceptable plain text, or null when it is. */
export const plainTextProblem = (value: string): string | null =>
  unstorableText(value) ?? (looksLikeMarkup(value) ? 'must be plain text, without HTML' : null);

/**
 * A plain-text field: trimmed, between `min` (default 1: required) and `max` characters, storable and
 * without markup. Every field shown as text (titles, names, notes, descriptions) uses it; rich text
 * (posts, agendas, minutes) is sanitised HTML instead.
 */
export const plainText = (max: number, { min = 1, tooShort = min <= 1 ? 'is required' : 'is too short' }: { min?: number; tooShort?: string } = {}) =>
  z
    .string()
    .trim()
    .min(min, tooShort)
    .max(max)
    .superRefine((value, ctx) => {
      const problem = plainTextProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

/**
 * A link people will follow: an absolute http(s) URL with a host, kept as written. Characters that
 * could end an HTML attribute or start a tag (quotes, angle brackets, backticks, whitespace) are refused
 * rather than encoded, so the stored link is exactly the one that was checked.
 */
export const httpUrl = (max: number, { protocols = ['http:', 'https:'] }: { protocols?: readonly string[] } = {}) =>
  z
    .string()
    .trim()
    .max(max)
    .superRefine((value, ctx) => {
      const problem = unstorableText(value);
      if (problem) return ctx.addIssue({ code: 'custom', message: problem });
      if (/[\s<>"'`\\\p{Cc}]/u.test(value)) return ctx.addIssue({ code: 'custom', message: 'must be a link without spaces, quotes or angle brackets' });
      const url = URL.canParse(value) ? new URL(value) : null;
      if (!url || !protocols.includes(url.protocol) || !url.hostname) {
        ctx.addIssue({ code: 'custom', message: `must be a ${protocols.map((protocol) => protocol.slice(0, -1)).join(' or ')} link` });
      }
    });
