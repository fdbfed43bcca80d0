import type { Core } from '@strapi/strapi';
import type { Me } from '../../../shared/contracts';
import { UID } from '../constants/uids';
import type { Actor } from '../domain/access/rules';
import type { DemographicDeclaration } from '../domain/statistics/demographics';
import { getService } from '../utils/get-service';

/** The signed-in person as the auth strategy leaves them. */
interface Caller {
  id: number;
  username: string;
}

/**
 * The signed-in person's own account (`/me`): who they are, where they may act, and their own profile.
 * Every write answers the whole description again, so the portal redraws from one answer.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const profiles = () => getService(strapi, 'participant-profile');

  /** Who am I and where may I act: what the portal needs to show staff their municipalities. */
  const describe = async (caller: Caller, actor: Actor | null): Promise<Me> => {
    const municipalities = actor?.municipalityCodes.length
      ? await strapi.documents(UID.municipality).findMany({
          filters: { code: { $in: [...actor.municipalityCodes] } },
          fields: ['code', 'name'],
          sort: 'name:asc',
        })
      : [];
    const profile = await profiles().find(caller.id);
    return {
      id: caller.id,
      username: caller.username,
      role: actor?.role ?? null,
      municipalities: municipalities.map(({ code, name }) => ({ code: String(code), name: String(name) })),
      profile: { residenceMunicipalityCode: profile.residenceMunicipalityCode, birthDate: profile.birthDate, verifiedIn: profile.verifiedIn },
      demographics: await profiles().demographicsStatus(caller.id),
    };
  };

  return {
    describe,

    /** Self-declared residence and birth date, which round eligibility reads; the residence must be a known municipality. */
    async updateProfile(caller: Caller, actor: Actor | null, declaration: { residenceMunicipalityCode: string | null; birthDate: string | null }) {
      if (declaration.residenceMunicipalityCode) {
        await getService(strapi, 'municipality').requireByCode(declaration.residenceMunicipalityCode, 'residenceMunicipalityCode');
      }
      await profiles().declare(caller.id, declaration);
      return describe(caller, actor);
    },

    async declareDemographics(caller: Caller, actor: Actor | null, declaration: DemographicDeclaration) {
      await profiles().declareDemographics(caller.id, declaration);
      return describe(caller, actor);
    },

    async withdrawDemographics(caller: Caller, actor: Actor | null) {
      await profiles().withdrawDemographics(caller.id);
      return describe(caller, actor);
    },
  };
};
