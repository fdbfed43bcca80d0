import type { Core } from '@strapi/strapi';
import { assignmentTables } from '../tables/municipal-assignments';
import { type Actor } from '../domain/access/rules';
import { participantRoleFromType } from '../domain/access/roles';

export interface AuthenticatedUser {
  id: number;
  role?: { type?: string } | null;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The signed-in user as the access rules see them: role and the municipalities they are assigned to. */
  async actorFor(user: AuthenticatedUser | null | undefined): Promise<Actor | null> {
    if (!user) return null;
    const role = participantRoleFromType(user.role?.type);
    if (!role) return null;
    if (role === 'citizen') return { userId: user.id, role, municipalityCodes: [] };
    // One statement through the link tables (the Query Engine takes two): every signed-in request asks.
    const { user: byUser, municipality: toMunicipality, municipalities } = assignmentTables(strapi);
    const rows: Array<{ code: string }> = await strapi.db
      .connection(byUser.table)
      .join(toMunicipality.table, `${toMunicipality.table}.${toMunicipality.assignment}`, `${byUser.table}.${byUser.assignment}`)
      .join(municipalities, `${municipalities}.id`, `${toMunicipality.table}.${toMunicipality.target}`)
      .where(`${byUser.table}.${byUser.target}`, user.id)
      .orderBy(`${byUser.table}.${byUser.assignment}`)
      .select(`${municipalities}.code as code`);
    return { userId: user.id, role, municipalityCodes: rows.map((row) => row.code) };
  },
});
