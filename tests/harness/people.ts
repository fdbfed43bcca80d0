import type { Core } from '@strapi/strapi';

export type TestRole = 'citizen' | 'municipal-staff' | 'moderator' | 'cso-facilitator';

export interface TestPerson {
  id: number;
  username: string;
  email: string;
  password: string;
  jwt: string;
  auth: { Authorization: string };
}

let counter = 0;

/** A users-permissions account with a role and, for scoped roles, assignments to municipalities. */
export const createPerson = async (
  strapi: Core.Strapi,
  role: TestRole,
  municipalityCodes: string[] = []
): Promise<TestPerson> => {
  counter += 1;
  // Taken before any await, so that people created in parallel get distinct names.
  const username = `${role}-${counter}-${Date.now()}`;
  const roleType = role === 'citizen' ? 'authenticated' : role;
  const upRole = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: roleType } });
  const email = `${username}@example.test`;
  const password = 'Correct-Horse-9';
  const user = await strapi.plugin('users-permissions').service('user').add({
    username,
    email,
    password,
    provider: 'local',
    confirmed: true,
    blocked: false,
    role: upRole.id,
  });
  for (const code of municipalityCodes) {
    const municipality = await strapi.db.query('plugin::participation.municipality').findOne({ where: { code } });
    await strapi.documents('plugin::participation.municipal-assignment').create({
      data: { user: user.id, municipality: municipality.documentId },
    });
  }
  const jwt = strapi.plugin('users-permissions').service('jwt').issue({ id: user.id });
  return { id: user.id, username, email, password, jwt, auth: { Authorization: `Bearer ${jwt}` } };
};

export const createMunicipality = async (strapi: Core.Strapi, code: string, name = `Municipality ${code}`) =>
  strapi.documents('plugin::participation.municipality').create({
    // Tests write their texts in English.
    data: { code, name, country: 'AL', defaultLocale: 'sq', contentLanguage: 'en', currency: 'ALL', population: 100000 },
  });
