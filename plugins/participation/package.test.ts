import path from 'path';
import { readFileSync, existsSync } from 'fs';

/**
 * Strapi's admin build includes a local plugin's screens only when its package.json exports
 * `./strapi-admin` with an `import` condition (a plain string is silently skipped), and the server
 * loader needs `./strapi-server`.
 */
describe('plugin package exports', () => {
  const pluginDir = __dirname;
  const { exports: entries } = JSON.parse(readFileSync(path.join(pluginDir, 'package.json'), 'utf8'));

  it('exports the admin entry the way the admin build reads it', () => {
    expect(typeof entries['./strapi-admin']?.import).toBe('string');
    expect(existsSync(path.join(pluginDir, entries['./strapi-admin'].import))).toBe(true);
  });

  it('exports the server entry', () => {
    expect(existsSync(path.join(pluginDir, entries['./strapi-server']))).toBe(true);
  });
});
