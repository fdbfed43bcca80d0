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
