import { readdirSync } from 'fs';
import path from 'path';
import { PARTICIPATION_MIGRATIONS } from './migrations';

describe('the list of the plugin migrations', () => {
  it('holds every migration file once, in the order of their dated names, under the name Strapi recorded', () => {
    const files = readdirSync(path.join(__dirname, 'migrations'))
      .filter((file) => file !== 'index.ts')
      .map((file) => file.replace(/\.ts$/, '.js'))
      .sort();
    expect(PARTICIPATION_MIGRATIONS.map(({ name }) => name)).toEqual(files);
  });
});
