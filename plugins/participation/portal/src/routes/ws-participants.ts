import { createElement } from 'react';
import { z } from 'zod';
import { errors } from '@strapi/utils';
import { getService } from '../../../server/src/utils/get-service';
import { portalRoute, text, type PortalContext } from '../http/portal-route';
import { ParticipantConfirmPage, type VerificationStep } from '../pages/ParticipantConfirmPage';
import { ParticipantsWorkspacePage, PARTICIPANT_NOTICES } from '../pages/ParticipantsWorkspacePage';
import { requireInMunicipality } from '../workspace/scoped-record';
import { workspaceMunicipality } from '../workspace/workspace-municipality';

const PAGE_SIZE = 25;
const MAX_SEARCH = 100;

const municipalityParams = z.object({ municipalityCode: z.string().max(32) });
const personParams = municipalityParams.extend({ userId: z.coerce.number().int().positive().max(2 ** 31 - 1) });

const positiveInteger = (raw: string) => (/^[1-9][0-9]{0,8}$/.test(raw) ? Number(raw) : undefined);

/**
 * The person in the path, as this municipality's staff may see them. Verifying takes someone who
 * declared residence here and is not yet verified here; revoking, someone verified here. Anyone else is
 * not found, so that no one is looked up across municipalities.
 */
const personFor = async (context: PortalContext, code: string, userId: number, step: VerificationStep) => {
  const resident = await getService(context.strapi, 'participant-profile').residentOf(code, userId);
  // residentOf already refused anyone with no tie to this municipality; a step that does not apply is not found either.
  if (step === 'verify') return requireInMunicipality(resident.verified ? null : resident, resident.residenceMunicipalityCode, code);
  if (!resident.verified) throw new errors.NotFoundError('Not verified here');
  return resident;
};

const confirmRoutes = (step: VerificationStep) => [
  portalRoute({
    method: 'GET',
    path: `/workspace/:municipalityCode/participants/:userId/${step}`,
    actions: ['participant.verify'],
    params: personParams,
    handle: async ({ params, context }) => {
      const person = await personFor(context, params.municipalityCode, params.userId, step);
      return {
        title: context.i18n.t(step === 'verify' ? 'wsParticipants.verifyTitle' : 'wsParticipants.revokeTitle', { name: person.username }),
        noStore: true,
        body: createElement(ParticipantConfirmPage, { municipality: await workspaceMunicipality(context, params.municipalityCode), person, step }),
      };
    },
  }),
  portalRoute({
    method: 'POST',
    path: `/workspace/:municipalityCode/participants/:userId/${step}`,
    actions: ['participant.verify'],
    params: personParams,
    handle: async ({ params, context }) => {
      const code = params.municipalityCode;
      const person = await personFor(context, code, params.userId, step);
      const profiles = getService(context.strapi, 'participant-profile');
      if (step === 'verify') await profiles.verify(person.userId, code);
      else await profiles.revoke(person.userId, code);
      const back = step === 'verify' ? '?done=verified' : '?list=verified&done=revoked';
      return { redirect: context.href(`/workspace/${code}/participants${back}`) };
    },
  }),
];

/**
 * Staff and facilitators confirm in person where people live (issue #15, item 9), for rounds open to
 * verified participants only (`eligibility.verifiedParticipantsOnly`, read through the participant
 * profile's `verifiedIn`): who declared residence here and waits, who is verified here, and a check
 * before verifying or taking a verification back.
 */
export const wsParticipantRoutes = [
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/participants',
    actions: ['participant.verify'],
    params: municipalityParams,
    handle: async ({ params, query, context }) => {
      const municipality = await workspaceMunicipality(context, params.municipalityCode);
      const verified = text(query, 'list') === 'verified';
      const search = text(query, 'q').trim().slice(0, MAX_SEARCH);
      const page = positiveInteger(text(query, 'page')) ?? 1;
      const people = await getService(context.strapi, 'participant-profile').residents(municipality.code, { verified, search: search || undefined }, { page, pageSize: PAGE_SIZE });
      return {
        title: context.i18n.t('wsParticipants.title'),
        noStore: true,
        body: createElement(ParticipantsWorkspacePage, {
          municipality,
          list: verified ? 'verified' : 'waiting',
          search,
          people,
          done: PARTICIPANT_NOTICES.find((notice) => notice === text(query, 'done')),
        }),
      };
    },
  }),
  ...confirmRoutes('verify'),
  ...confirmRoutes('revoke'),
];
