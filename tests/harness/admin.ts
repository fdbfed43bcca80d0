import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import type { TestApp } from './app';
import { applyTestEnv } from './env';
import { withFileLock } from './file-lock';

let counter = 0;

const appDir = path.resolve(__dirname, '..', '..');
const builtAdmin = path.join(appDir, 'dist', 'build', 'index.html');
/**
 * What the admin bundle is built from: the app's admin entry, the plugin's admin pages, their shared types,
 * the server's plain modules the amount field imports (its name, and the reading and writing of amounts), and
 * the portal's time zones of the countries, which the overview's dates are written in.
 */
const ADMIN_SOURCES = [
  'src/admin',
  'plugins/participation/admin/src',
  'plugins/participation/shared',
  'plugins/participation/server/src/constants/custom-fields.ts',
  'plugins/participation/server/src/domain/money',
  'plugins/participation/portal/src/community/meeting-time.ts',
];

const newestChange = (target: string): number => {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  // Files only: a directory changes when a test file is added beside the sources, which are not in the bundle.
  return fs
    .readdirSync(target)
    .filter((entry) => !entry.endsWith('.test.ts'))
    .reduce((newest, entry) => Math.max(newest, newestChange(path.join(target, entry))), 0);
};

const isBuildCurrent = () => {
  if (!fs.existsSync(builtAdmin)) return false;
  const builtAt = fs.statSync(builtAdmin).mtimeMs;
  return !ADMIN_SOURCES.some((source) => newestChange(path.join(appDir, source)) > builtAt);
};

const buildLock = path.join(appDir, '.tmp', 'admin-build.lock');
/** Longer than any build takes. */
const BUILD_LOCK_STALE_MS = 15 * 60_000;

/**
 * Builds the admin panel into dist/build (`strapi build`, one to four minutes and 2 GB) unless a build newer
 * than its sources is there: the browser tests of the admin screens need the real bundle. `strapi build`
 * compiles the server into dist/ as the global setup does and removes nothing, so suites already booted
 * from dist/ are unaffected. Both engines' suites may ask at once: one builds, the other waits and reuses it.
 */
export const ensureAdminBuild = async () => {
  if (isBuildCurrent()) return;
  await withFileLock(buildLock, BUILD_LOCK_STALE_MS, () => {
    if (isBuildCurrent()) return;
    applyTestEnv();
    const build = spawnSync(path.join(appDir, 'node_modules', '.bin', 'strapi'), ['build'], { cwd: appDir, env: process.env, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`strapi build failed (${build.status}):\n${build.stdout}\n${build.stderr}`);
  });
};

/** An admin user who signs in through the admin panel's own form (a super admin: every action). */
export const createAdminUser = async (strapi: Core.Strapi) => {
  counter += 1;
  const email = `panel-admin-${counter}-${Date.now()}@example.test`;
  const password = 'Correct-Horse-Admin-9';
  await strapi.service('admin::role').createRolesIfNoneExist();
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await strapi.service('admin::user').create({ email, password, firstname: 'Ada', lastname: 'Admin', isActive: true, registrationToken: null, roles: [superAdmin.id] });
  return { email, password };
};

/** A super admin of the admin panel, signed in: headers for the admin API (Content Manager). */
export const signInAsAdmin = async (app: TestApp): Promise<{ Authorization: string }> => {
  const strapi: Core.Strapi = app.strapi;
  counter += 1;
  const email = `admin-${counter}-${Date.now()}@example.test`;
  const password = 'Correct-Horse-Admin-9';
  // The admin module creates its roles on first start-up; make sure they are there as the demo does.
  await strapi.service('admin::role').createRolesIfNoneExist();
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await strapi.service('admin::user').create({ email, password, firstname: 'Test', lastname: 'Admin', isActive: true, registrationToken: null, roles: [superAdmin.id] });
  const login = await app.http().post('/admin/login').send({ email, password });
  if (login.status !== 200) throw new Error(`admin login answered ${login.status}: ${JSON.stringify(login.body)}`);
  return { Authorization: `Bearer ${login.body.data.token}` };
};

/**
 * An admin user whose role holds only the given actions (an editor-like custom role): for showing that an
 * admin route refuses an admin without its RBAC action, and admits one with it.
 */
export const createAdminUserWith = async (strapi: Core.Strapi, actions: string[]) => {
  counter += 1;
  const email = `limited-admin-${counter}-${Date.now()}@example.test`;
  const password = 'Correct-Horse-Admin-9';
  await strapi.service('admin::role').createRolesIfNoneExist();
  const role = await strapi.service('admin::role').create({ name: `Limited ${counter} ${Date.now()}`, description: 'Only some actions' });
  await strapi.service('admin::role').assignPermissions(
    role.id,
    actions.map((action) => ({ action, subject: null, conditions: [], properties: {} }))
  );
  await strapi.service('admin::user').create({ email, password, firstname: 'Limited', lastname: 'Admin', isActive: true, registrationToken: null, roles: [role.id] });
  return { email, password };
};

/** The same admin, signed in: headers for the admin API. */
export const signInAsAdminWith = async (app: TestApp, actions: string[]): Promise<{ Authorization: string }> => {
  const { email, password } = await createAdminUserWith(app.strapi, actions);
  const login = await app.http().post('/admin/login').send({ email, password });
  if (login.status !== 200) throw new Error(`admin login answered ${login.status}: ${JSON.stringify(login.body)}`);
  return { Authorization: `Bearer ${login.body.data.token}` };
};
