import type { Core } from '@strapi/strapi';
import { UID } from '../constants/uids';
import { ACCESS_RULES, isPublicAction, rolesGrantedFor, type ContentApiAction } from '../domain/access/rules';
import { SCOPED_ROLES, SCOPED_ROLE_DESCRIPTIONS, USERS_PERMISSIONS_ROLE_TYPE } from '../domain/access/roles';

type RoleRow = { id: number; type: string };

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const roles = () => strapi.db.query(UID.role);
  const permissions = () => strapi.db.query(UID.permission);

  const grant = async (role: RoleRow, action: string) => {
    const existing = await permissions().findOne({ where: { action, role: role.id } });
    if (!existing) await permissions().create({ data: { action, role: role.id } });
  };

  return {
    /**
     * Creates the scoped roles (with what Authenticated may do, e.g. read their own account) and grants
     * every role exactly the plugin actions the access rules give it. Runs at every start, idempotently.
     */
    async sync() {
      const authenticated: RoleRow | null = await roles().findOne({ where: { type: 'authenticated' } });
      const publicRole: RoleRow | null = await roles().findOne({ where: { type: 'public' } });
      if (!authenticated || !publicRole) {
        throw new Error(
          'participation: the users-permissions roles do not exist yet; list users-permissions before participation in config/plugins.ts'
        );
      }
      for (const scopedRole of SCOPED_ROLES) {
        const type = USERS_PERMISSIONS_ROLE_TYPE[scopedRole];
        if (await roles().findOne({ where: { type } })) continue;
        const created: RoleRow = await roles().create({ data: { type, ...SCOPED_ROLE_DESCRIPTIONS[scopedRole] } });
        const inherited = await permissions().findMany({ where: { role: authenticated.id } });
        for (const { action } of inherited) {
          if (!action.startsWith('plugin::participation.')) await grant(created, action);
        }
      }

      const roleByType = new Map<string, RoleRow>(
        (await roles().findMany({})).map((role: RoleRow) => [role.type, role])
      );
      for (const action of Object.keys(ACCESS_RULES) as ContentApiAction[]) {
        const permissionAction = `plugin::participation.${action}`;
        if (isPublicAction(action)) await grant(publicRole, permissionAction);
        for (const participantRole of rolesGrantedFor(action)) {
          await grant(roleByType.get(USERS_PERMISSIONS_ROLE_TYPE[participantRole])!, permissionAction);
        }
      }
    },
  };
};
