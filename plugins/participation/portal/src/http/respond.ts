import { createHash } from 'crypto';
import { brotliCompressSync, constants as zlib, gzipSync } from 'zlib';

/**
 * No inline script or style at all: scripts and stylesheets come from the portal's own hashed assets,
 * forms post only to the portal, and no other site may frame it.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

interface Koa {
  get: (name: string) => string;
  set: (name: string, value: string) => void;
  status: number;
  body: unknown;
  type: string;
}

/** Brotli where the browser takes it (smaller on slow networks), else gzip, else none. */
export const encode = (ctx: Koa, content: Buffer): Buffer => {
  const accepted = ctx.get('Accept-Encoding');
  if (/\bbr\b/.test(accepted)) {
    ctx.set('Content-Encoding', 'br');
    return brotliCompressSync(content, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } });
  }
  if (/\bgzip\b/.test(accepted)) {
    ctx.set('Content-Encoding', 'gzip');
    return gzipSync(content);
  }
  return content;
};

/**
 * Sends a rendered page: the security headers, a validator (ETag) so that a page read again is a 304
 * with no body, and a compressed body. Pages are personal (CSRF token, who is signed in), so caches
 * revalidate every time and shared caches keep signed-in pages out.
 */
export const sendPage = (ctx: Koa, html: string, { status, personal, noStore = false }: { status: number; personal: boolean; noStore?: boolean }) => {
  const content = Buffer.from(html);
  ctx.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  ctx.set('Referrer-Policy', 'same-origin');
  ctx.set('Vary', 'Accept-Encoding, Cookie');
  ctx.set('Cache-Control', noStore ? 'no-store' : personal ? 'private, no-cache' : 'no-cache');
  const etag = `"${createHash('sha256').update(content).digest('base64url').slice(0, 27)}"`;
  if (status === 200 && !noStore) {
    ctx.set('ETag', etag);
    if (ctx.get('If-None-Match') === etag) {
      ctx.status = 304;
      return;
    }
  }
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = encode(ctx, content);
};

/** A plain-text file to save (a receipt): never cached, never shown inline, named as the page names it. */
export const sendDownload = (ctx: Koa, { fileName, text }: { fileName: string; text: string }) => {
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Content-Disposition', `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`);
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.status = 200;
  ctx.type = 'text/plain; charset=utf-8';
  ctx.body = text;
};
