import fs from 'fs';
import path from 'path';
import { createHash } from 'crypto';
import { brotliCompressSync, gzipSync } from 'zlib';

export interface Asset {
  /** Content-hashed file name: a new version is a new address, so browsers may keep each for a year. */
  name: string;
  type: string;
  raw: Buffer;
  br: Buffer;
  gzip: Buffer;
}

/**
 * The portal's static files, read and compressed once at startup. They live beside the portal's source
 * (portal/assets), which the compiled server finds from the app's root like Strapi's own plugin loader does.
 * `vendored` adds files from installed packages under a name of their own (the socket.io client).
 */
export const loadAssets = (assetsDir: string, vendored: Record<string, string> = {}): Map<string, Asset> => {
  const assets = new Map<string, Asset>();
  const own = fs.readdirSync(assetsDir).map((file) => [file, fs.readFileSync(path.join(assetsDir, file))] as const);
  // A vendored build's source-map comment would send browsers asking for a map that is not served.
  const fromPackages = Object.entries(vendored).map(([file, source]) => [file, Buffer.from(fs.readFileSync(source, 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'))] as const);
  for (const [file, raw] of [...own, ...fromPackages]) {
    const extension = path.extname(file);
    const hash = createHash('sha256').update(raw).digest('hex').slice(0, 12);
    const name = `${path.basename(file, extension)}.${hash}${extension}`;
    const type = extension === '.css' ? 'text/css; charset=utf-8' : extension === '.js' ? 'text/javascript; charset=utf-8' : 'application/octet-stream';
    assets.set(file, { name, type, raw, br: brotliCompressSync(raw), gzip: gzipSync(raw) });
  }
  return assets;
};
