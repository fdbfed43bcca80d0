import type { Core } from '@strapi/strapi';
import { UID } from '../constants/uids';
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
    const assignments = await strapi.db.query(UID.municipalAssignment).findMany({
      where: { user: { id: user.id } },
      populate: { municipality: { select: ['code'] } },
    });
    const municipalityCodes = assignments
      .map((assignment: { municipality?: { code?: string } | null }) => assignment.municipality?.code)
      .filter((code: string | undefined): code is string => Boolean(code));
    return { userId: user.id, role, municipalityCodes };
  },
});
