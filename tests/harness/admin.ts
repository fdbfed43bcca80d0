import type { Core } from '@strapi/strapi';
import type { TestApp } from './app';

let counter = 0;

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
export const signInAsAdminWith = async (app: TestApp, actions: string[]): Promise<{ Authorization: string }> => {
  const strapi: Core.Strapi = app.strapi;
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
  const login = await app.http().post('/admin/login').send({ email, password });
  if (login.status !== 200) throw new Error(`admin login answered ${login.status}: ${JSON.stringify(login.body)}`);
  return { Authorization: `Bearer ${login.body.data.token}` };
};
