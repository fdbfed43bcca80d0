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

type Encoding = 'br' | 'gzip' | 'identity';

/** Brotli where the browser takes it (smaller on slow networks), else gzip, else none. */
const encodingFor = (ctx: Koa): Encoding => {
  const accepted = ctx.get('Accept-Encoding');
  if (/\bbr\b/.test(accepted)) return 'br';
  if (/\bgzip\b/.test(accepted)) return 'gzip';
  return 'identity';
};

const COMPRESS: Record<Encoding, (content: Buffer) => Buffer> = {
  br: (content) => brotliCompressSync(content, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } }),
  gzip: (content) => gzipSync(content),
  identity: (content) => content,
};

/**
 * A page ready to send: its validator, and its body in each encoding once some reader has asked for it,
 * so that a page served to many readers (http/anonymous-page-cache.ts) is hashed and compressed once.
 */
export interface PreparedPage {
  etag: string;
  content: Buffer;
  bodies: Partial<Record<Encoding, Buffer>>;
}

export const preparePage = (html: string): PreparedPage => {
  const content = Buffer.from(html);
  return { content, etag: `"${createHash('sha256').update(content).digest('base64url').slice(0, 27)}"`, bodies: {} };
};

/**
 * Sends a page: the security headers, a validator (ETag) so that a page read again is a 304 with no
 * body, and a compressed body. Pages are personal (CSRF token, who is signed in), so caches revalidate
 * every time and shared caches keep signed-in pages out.
 */
export const sendPrepared = (ctx: Koa, page: PreparedPage, { status, personal, noStore = false }: { status: number; personal: boolean; noStore?: boolean }) => {
  ctx.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  ctx.set('Referrer-Policy', 'same-origin');
  ctx.set('Vary', 'Accept-Encoding, Cookie');
  ctx.set('Cache-Control', noStore ? 'no-store' : personal ? 'private, no-cache' : 'no-cache');
  if (status === 200 && !noStore) {
    ctx.set('ETag', page.etag);
    if (ctx.get('If-None-Match') === page.etag) {
      ctx.status = 304;
      return;
    }
  }
  const encoding = encodingFor(ctx);
  if (encoding !== 'identity') ctx.set('Content-Encoding', encoding);
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = page.bodies[encoding] ??= COMPRESS[encoding](page.content);
};

export const sendPage = (ctx: Koa, html: string, options: { status: number; personal: boolean; noStore?: boolean }) =>
  sendPrepared(ctx, preparePage(html), options);

/** A plain-text file to save (a receipt): never cached, never shown inline, named as the page names it. */
export const sendDownload = (ctx: Koa, { fileName, text }: { fileName: string; text: string }) => {
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Content-Disposition', `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`);
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.status = 200;
  ctx.type = 'text/plain; charset=utf-8';
  ctx.body = text;
};
