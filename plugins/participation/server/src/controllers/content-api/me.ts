import type { Core } from '@strapi/strapi';
import type { Me } from '../../../../shared/contracts';
import { UID } from '../../constants/uids';
import { validateRequest } from '../../utils/validate';
import { emptyQuery } from '../../routes/content-api/validation/municipalities';
import { profileBody } from '../../routes/content-api/validation/rounds';
import { demographicsBody } from '../../routes/content-api/validation/demographics';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = () => strapi.plugin('participation');

  /** Who am I and where may I act: what the portal needs to show staff their municipalities. */
  const describe = async (user: { id: number; username: string }, actor: { role: Me['role']; municipalityCodes: string[] } | null): Promise<Me> => {
    const municipalities = actor?.municipalityCodes.length
      ? await strapi.documents(UID.municipality).findMany({
          filters: { code: { $in: actor.municipalityCodes } },
          fields: ['code', 'name'],
          sort: 'name:asc',
        })
      : [];
    const profile = await plugin().service('participant-profile').find(user.id);
    return {
      id: user.id,
      username: user.username,
      role: actor?.role ?? null,
      municipalities: municipalities.map(({ code, name }) => ({ code: String(code), name: String(name) })),
      profile: { residenceMunicipalityCode: profile.residenceMunicipalityCode, birthDate: profile.birthDate, verifiedIn: profile.verifiedIn },
      demographics: await plugin().service('participant-profile').demographicsStatus(user.id),
    };
  };

  return {
    async find(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      ctx.body = { data: await describe(ctx.state.user, ctx.state.participationActor) };
    },

    /** Self-declared residence and birth date, which round eligibility reads. Only ever shown to oneself. */
    async updateProfile(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const { data } = validateRequest(profileBody, ctx.request.body, 'body');
      if (data.residenceMunicipalityCode) {
        await plugin().service('municipality').requireByCode(data.residenceMunicipalityCode, 'residenceMunicipalityCode');
      }
      await plugin().service('participant-profile').declare(ctx.state.user.id, data);
      ctx.body = { data: await describe(ctx.state.user, ctx.state.participationActor) };
    },

    async declareDemographics(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const { data } = validateRequest(demographicsBody, ctx.request.body, 'body');
      await plugin().service('participant-profile').declareDemographics(ctx.state.user.id, data);
      ctx.body = { data: await describe(ctx.state.user, ctx.state.participationActor) };
    },

    async withdrawDemographics(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      await plugin().service('participant-profile').withdrawDemographics(ctx.state.user.id);
      ctx.body = { data: await describe(ctx.state.user, ctx.state.participationActor) };
    },
  };
};
