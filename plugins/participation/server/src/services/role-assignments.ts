import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { AdminPerson, Municipality, RoleHolder } from '../../../shared/contracts';
import { UID } from '../constants/uids';
import { SCOPED_ROLES, USERS_PERMISSIONS_ROLE_TYPE, participantRoleFromType, type ScopedRole } from '../domain/access/roles';
import { conflict } from '../utils/conflict';
import { fieldError } from '../utils/field-error';
import { getService } from '../utils/get-service';

type UserRow = { id: number; username: string; email: string; blocked: boolean | null; role?: { id: number; type: string } | null };
type AssignmentRow = { documentId: string; user?: { id: number } | null; municipality?: { code: string; name: string } | null };

const toPerson = (user: UserRow): AdminPerson => ({
  id: user.id,
  username: user.username,
  email: user.email,
  roleType: user.role?.type ?? null,
  blocked: Boolean(user.blocked),
});

const isScoped = (role: string | null): role is ScopedRole => (SCOPED_ROLES as readonly string[]).includes(role ?? '');

/**
 * Who holds which scoped role where. A person has one users-permissions role (citizen, municipal staff,
 * moderator or CSO facilitator) and, for a scoped role, one assignment per municipality it holds in:
 * assigning sets both, taking the last municipality away makes the person a citizen again.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const users = () => strapi.db.query(UID.user);
  const assignments = () => strapi.db.query(UID.municipalAssignment);

  const requireUser = async (userId: number): Promise<UserRow> => {
    const user: UserRow | null = await users().findOne({ where: { id: userId }, populate: { role: { select: ['id', 'type'] } } });
    if (!user) throw fieldError('userId', `no person has the account id ${userId}`);
    return user;
  };

  const roleId = async (type: string): Promise<number> => {
    const role: { id: number } | null = await strapi.db.query(UID.role).findOne({ where: { type }, select: ['id'] });
    // The roles are made at every start (role-grants sync); missing here means the app did not start properly.
    if (!role) throw new Error(`participation: the users-permissions role "${type}" does not exist`);
    return role.id;
  };

  const assignmentsOf = async (userIds: number[]): Promise<AssignmentRow[]> =>
    userIds.length
      ? assignments().findMany({
          where: { user: { id: { $in: userIds } } },
          populate: { user: { select: ['id'] }, municipality: { select: ['code', 'name'] } },
        })
      : [];

  const holderOf = async (userId: number): Promise<RoleHolder | null> => {
    const user = await requireUser(userId);
    const role = participantRoleFromType(user.role?.type);
    if (!isScoped(role)) return null;
    const held = await assignmentsOf([userId]);
    return {
      ...toPerson(user),
      role,
      municipalities: held.flatMap((row) => (row.municipality ? [{ code: row.municipality.code, name: row.municipality.name }] : [])).sort((a, b) => a.code.localeCompare(b.code)),
    };
  };

  return {
    /** Accounts whose username or email contains the search text (case-insensitive), at most 20. */
    async searchPeople(search: string): Promise<AdminPerson[]> {
      const rows: UserRow[] = await users().findMany({
        where: { $or: [{ username: { $containsi: search } }, { email: { $containsi: search } }] },
        populate: { role: { select: ['id', 'type'] } },
        orderBy: { username: 'asc' },
        limit: 20,
      });
      return rows.map(toPerson);
    },

    /** Everyone holding a scoped role, with the municipalities they hold it in; only those in one municipality if named. */
    async holders(municipalityCode?: string): Promise<RoleHolder[]> {
      if (municipalityCode) await getService(strapi, 'municipality').requireByCode(municipalityCode, 'municipality');
      const scopedTypes = SCOPED_ROLES.map((role) => USERS_PERMISSIONS_ROLE_TYPE[role]);
      const rows: UserRow[] = await users().findMany({
        where: { role: { type: { $in: scopedTypes } } },
        populate: { role: { select: ['id', 'type'] } },
        orderBy: { username: 'asc' },
      });
      const held = await assignmentsOf(rows.map((row) => row.id));
      const byUser = new Map<number, Array<{ code: string; name: string }>>();
      for (const row of held) {
        if (!row.user || !row.municipality) continue;
        byUser.set(row.user.id, [...(byUser.get(row.user.id) ?? []), { code: row.municipality.code, name: row.municipality.name }]);
      }
      return rows
        .map((row) => ({
          ...toPerson(row),
          role: participantRoleFromType(row.role?.type) as ScopedRole,
          municipalities: (byUser.get(row.id) ?? []).sort((a, b) => a.code.localeCompare(b.code)),
        }))
        .filter((holder) => !municipalityCode || holder.municipalities.some((m) => m.code === municipalityCode));
    },

    /**
     * Gives a person a scoped role in the named municipalities (those they already hold are kept). A person
     * holds one role: someone who holds another scoped role somewhere must have it taken away first (409),
     * so that no municipality loses a moderator because they were made staff elsewhere.
     */
    async assign({ userId, role, municipalityCodes }: { userId: number; role: ScopedRole; municipalityCodes: string[] }): Promise<RoleHolder> {
      const user = await requireUser(userId);
      const municipalities: Municipality[] = [];
      for (const [index, code] of [...new Set(municipalityCodes)].entries()) {
        municipalities.push(await getService(strapi, 'municipality').requireByCode(code, `municipalityCodes.${index}`));
      }
      const current = participantRoleFromType(user.role?.type);
      const held = await assignmentsOf([userId]);
      if (current !== role && isScoped(current) && held.length > 0) {
        const where = held.flatMap((row) => (row.municipality ? [row.municipality.code] : [])).join(', ');
        throw conflict(`${user.username} is ${current} in ${where}; a person holds one role: take that away first`, { role: current, municipalities: where });
      }
      if (current === null && user.role) {
        // Another plugin's or a hand-made role: replacing it silently could take rights away unseen.
        throw conflict(`${user.username} has the role "${user.role.type}", which this screen does not manage`);
      }
      const heldCodes = new Set(held.flatMap((row) => (row.municipality ? [row.municipality.code] : [])));
      await strapi.db.transaction(async () => {
        if (current !== role) await users().update({ where: { id: userId }, data: { role: await roleId(USERS_PERMISSIONS_ROLE_TYPE[role]) } });
        for (const municipality of municipalities) {
          if (heldCodes.has(municipality.code)) continue;
          await strapi.documents(UID.municipalAssignment).create({ data: { user: userId, municipality: municipality.documentId } });
        }
      });
      return (await holderOf(userId))!;
    },

    /** Takes a person's role away in one municipality; with their last municipality gone they are a citizen again. */
    async revoke({ userId, municipalityCode }: { userId: number; municipalityCode: string }): Promise<RoleHolder | null> {
      await requireUser(userId);
      const held = await assignmentsOf([userId]);
      const gone = held.filter((row) => row.municipality?.code === municipalityCode);
      if (gone.length === 0) throw new errors.NotFoundError(`This person holds no role in ${municipalityCode}`);
      await strapi.db.transaction(async () => {
        for (const row of gone) await strapi.documents(UID.municipalAssignment).delete({ documentId: row.documentId });
        if (gone.length === held.length) await users().update({ where: { id: userId }, data: { role: await roleId(USERS_PERMISSIONS_ROLE_TYPE.citizen) } });
      });
      return holderOf(userId);
    },
  };
};
