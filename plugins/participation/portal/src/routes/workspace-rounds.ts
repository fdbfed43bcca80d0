import { createElement } from 'react';
import { z } from 'zod';
import { documentIdSchema } from '../../../server/src/routes/content-api/validation/common';
import { PHASE_ACTION_NAMES, rulesAreFrozen } from '../../../server/src/domain/rounds/phases';
import type { RoundSettings } from '../../../server/src/domain/rounds/round-settings';
import { getService } from '../../../server/src/utils/get-service';
import { conflict } from '../../../server/src/utils/conflict';
import type { Municipality } from '../../../shared/contracts/municipalities';
import type { Round } from '../../../shared/contracts/rounds';
import type { FieldErrors } from '../components/ErrorSummary';
import { portalRoute, text, type FormValues, type PortalContext } from '../http/portal-route';
import type { MessageKey } from '../i18n/translator';
import { WorkspaceRoundsPage } from '../pages/WorkspaceRoundsPage';
import { WorkspaceRoundFormPage } from '../pages/WorkspaceRoundFormPage';
import { WorkspaceRoundFrozenPage } from '../pages/WorkspaceRoundFrozenPage';
import { WorkspaceRoundPage } from '../pages/WorkspaceRoundPage';
import { WorkspaceRoundPhasePage } from '../pages/WorkspaceRoundPhasePage';
import { WorkspaceRoundTurnoutPage } from '../pages/WorkspaceRoundTurnoutPage';
import { WorkspaceRoundCountPage } from '../pages/WorkspaceRoundCountPage';
import { refusedPaths } from '../workspace/form-errors';
import { requireInMunicipality } from '../workspace/scoped-record';
import { checkRoundForm, emptyRoundForm, previewRound, roundFormErrors, valuesFromRound, valuesOf, type RoundFormField, type RoundFormValues } from '../workspace/round-form';
import { nextStepOf, storedResult } from '../workspace/round-next-step';

const municipalityParams = z.object({ municipalityCode: z.string().max(32) });
const roundParams = municipalityParams.extend({ roundId: documentIdSchema });
const phaseParams = roundParams.extend({ action: z.enum(PHASE_ACTION_NAMES) });

/** What a POST-redirect just did, as `?done=` names it. */
const DONE: Record<string, MessageKey> = {
  created: 'wsRounds.done.created',
  saved: 'wsRounds.done.saved',
  phase: 'wsRounds.done.phase',
  counted: 'wsRounds.done.counted',
};
const doneOf = (query: FormValues) => DONE[text(query, 'done')] ?? null;

const municipalityOf = (context: PortalContext, code: string): Promise<Municipality> => getService(context.strapi, 'municipality').getByCode(code);

/** The round in the path, only if it belongs to the path's municipality (else 404, as for any other). */
const roundIn = async (context: PortalContext, code: string, roundId: string): Promise<Round> => {
  const round = await getService(context.strapi, 'round').findOne(roundId);
  return requireInMunicipality(round, round.municipalityCode, code);
};

const roundsPath = (context: PortalContext, code: string, rest = '') => context.href(`/workspace/${code}/rounds${rest}`);

const formPage = (
  context: PortalContext,
  municipality: Municipality,
  props: { round?: Round; values: RoundFormValues; errors?: FieldErrors; preview?: Round; action: string },
  status = 200
) => ({
  title: context.i18n.t(props.round ? 'wsRounds.form.editTitle' : 'wsRounds.form.newTitle'),
  status,
  noStore: true,
  body: createElement(WorkspaceRoundFormPage, { municipality, errors: {}, ...props }),
});

/**
 * A posted round form: checked by the API's schema, then previewed or written by the round service.
 * Any refusal comes back as the form with its errors beside the fields (400), nothing written.
 */
const submitRoundForm = async (
  context: PortalContext,
  municipality: Municipality,
  form: FormValues,
  round: Round | undefined,
  write: (settings: RoundSettings) => Promise<Round>
) => {
  const values = valuesOf(form);
  const action = round ? roundsPath(context, municipality.code, `/${round.documentId}/edit`) : roundsPath(context, municipality.code, '/new');
  const check = checkRoundForm(values);
  if (!check.ok) return formPage(context, municipality, { round, values, errors: roundFormErrors(check.fields), action }, 400);
  if (text(form, 'intent') === 'preview') {
    const base = round ?? { documentId: '', municipalityCode: municipality.code, phase: 'draft' as const };
    return formPage(context, municipality, { round, values, preview: previewRound(check.settings, base), action });
  }
  try {
    const written = await write(check.settings);
    return { redirect: roundsPath(context, municipality.code, `/${written.documentId}?done=${round ? 'saved' : 'created'}`) };
  } catch (error) {
    const paths = refusedPaths(error);
    if (!paths) throw error;
    return formPage(context, municipality, { round, values, errors: roundFormErrors(paths as RoundFormField[]), action }, 400);
  }
};

/** The check page of a phase step: 409 when the round is not where the step starts (pressed twice, or by two people). */
const phasePage = async (context: PortalContext, code: string, roundId: string, action: string, refused = false) => {
  const [municipality, round] = await Promise.all([municipalityOf(context, code), roundIn(context, code, roundId)]);
  const step = await nextStepOf(context.strapi, round);
  if (!step || step.action !== action) return { title: context.i18n.t('problem.conflict'), status: 409, noStore: true, body: createElement(WorkspaceRoundPage, { municipality, round, step, done: null }) };
  return {
    title: context.i18n.t(`wsRounds.action.${step.action}.confirm` as MessageKey),
    status: refused || step.blockers.length > 0 ? 409 : 200,
    noStore: true,
    body: createElement(WorkspaceRoundPhasePage, { municipality, round, step, refused }),
  };
};

/**
 * A staff member's round tools (#15 items 1, 2, 4, 5) under `/workspace/:municipalityCode/rounds`:
 * every round of the municipality, the settings form, the phase steps, turnout and the count. Each
 * route names the API action it performs, so the access table decides it exactly as for the API.
 */
export const workspaceRoundRoutes = [
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/rounds',
    actions: ['round.create'],
    params: municipalityParams,
    handle: async ({ params, query, context }) => {
      const page = Math.max(1, Number.parseInt(text(query, 'page'), 10) || 1);
      const [municipality, rounds] = await Promise.all([
        municipalityOf(context, params.municipalityCode),
        getService(context.strapi, 'round').find({ municipality: params.municipalityCode, page, pageSize: 50 }),
      ]);
      return {
        title: context.i18n.t('wsRounds.title'),
        noStore: true,
        body: createElement(WorkspaceRoundsPage, { municipality, rounds: rounds.data, page, pageCount: rounds.meta.pagination.pageCount }),
      };
    },
  }),
  // Before `/rounds/:roundId`: "new" would pass as a document id.
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/rounds/new',
    actions: ['round.create'],
    params: municipalityParams,
    handle: async ({ params, context }) => {
      const municipality = await municipalityOf(context, params.municipalityCode);
      return formPage(context, municipality, { values: emptyRoundForm(new Date().getUTCFullYear() + 1), action: roundsPath(context, municipality.code, '/new') });
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/workspace/:municipalityCode/rounds/new',
    actions: ['round.create'],
    params: municipalityParams,
    handle: async ({ params, form, context }) => {
      const municipality = await municipalityOf(context, params.municipalityCode);
      return submitRoundForm(context, municipality, form, undefined, (settings) => getService(context.strapi, 'round').create(municipality.code, settings));
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/rounds/:roundId',
    actions: ['round.update'],
    params: roundParams,
    handle: async ({ params, query, context }) => {
      const [municipality, round] = await Promise.all([municipalityOf(context, params.municipalityCode), roundIn(context, params.municipalityCode, params.roundId)]);
      const step = await nextStepOf(context.strapi, round);
      return { title: round.title, noStore: true, body: createElement(WorkspaceRoundPage, { municipality, round, step, done: doneOf(query) }) };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/rounds/:roundId/edit',
    actions: ['round.update'],
    params: roundParams,
    handle: async ({ params, context }) => {
      const [municipality, round] = await Promise.all([municipalityOf(context, params.municipalityCode), roundIn(context, params.municipalityCode, params.roundId)]);
      if (rulesAreFrozen(round.phase)) return { title: context.i18n.t('wsRounds.frozen.title'), noStore: true, body: createElement(WorkspaceRoundFrozenPage, { municipality, round }) };
      return formPage(context, municipality, { round, values: valuesFromRound(round), action: roundsPath(context, municipality.code, `/${round.documentId}/edit`) });
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/workspace/:municipalityCode/rounds/:roundId/edit',
    actions: ['round.update'],
    params: roundParams,
    handle: async ({ params, form, context }) => {
      const [municipality, round] = await Promise.all([municipalityOf(context, params.municipalityCode), roundIn(context, params.municipalityCode, params.roundId)]);
      // Frozen: the settings as they stand, and why (the service would refuse the write with 409 too).
      if (rulesAreFrozen(round.phase)) return { title: context.i18n.t('wsRounds.frozen.title'), status: 409, noStore: true, body: createElement(WorkspaceRoundFrozenPage, { municipality, round }) };
      return submitRoundForm(context, municipality, form, round, (settings) => getService(context.strapi, 'round').update(municipality.code, round.documentId, settings));
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/rounds/:roundId/phase/:action',
    actions: ['round.transition'],
    params: phaseParams,
    handle: async ({ params, context }) => phasePage(context, params.municipalityCode, params.roundId, params.action),
  }),
  portalRoute({
    method: 'POST',
    path: '/workspace/:municipalityCode/rounds/:roundId/phase/:action',
    actions: ['round.transition'],
    params: phaseParams,
    handle: async ({ params, context }) => {
      const round = await roundIn(context, params.municipalityCode, params.roundId);
      try {
        await getService(context.strapi, 'round').transition(params.municipalityCode, round.documentId, params.action, context.user!.id);
      } catch (error) {
        // Refused by the service (wrong phase, proposals still under review, not counted): the check page says why.
        if ((error as { status?: number }).status === 409) return phasePage(context, params.municipalityCode, params.roundId, params.action, true);
        throw error;
      }
      return { redirect: roundsPath(context, params.municipalityCode, `/${round.documentId}?done=phase`) };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/rounds/:roundId/turnout',
    actions: ['ballot.participation'],
    params: roundParams,
    handle: async ({ params, context }) => {
      const [municipality, round] = await Promise.all([municipalityOf(context, params.municipalityCode), roundIn(context, params.municipalityCode, params.roundId)]);
      const counts = await getService(context.strapi, 'ballot').turnout(round.documentId);
      return { title: context.i18n.t('wsRounds.turnout.title'), noStore: true, body: createElement(WorkspaceRoundTurnoutPage, { municipality, round, counts }) };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/rounds/:roundId/count',
    actions: ['round.count'],
    params: roundParams,
    handle: async ({ params, query, context }) => {
      const [municipality, round] = await Promise.all([municipalityOf(context, params.municipalityCode), roundIn(context, params.municipalityCode, params.roundId)]);
      if (round.phase !== 'counting') throw conflict('Ballots are counted in the counting phase');
      const [result, proposals] = await Promise.all([storedResult(context.strapi, round.documentId), getService(context.strapi, 'proposal').allOfRound(round.documentId)]);
      return {
        title: context.i18n.t('wsRounds.count.title'),
        noStore: true,
        body: createElement(WorkspaceRoundCountPage, { municipality, round, result, proposals, done: doneOf(query) }),
      };
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/workspace/:municipalityCode/rounds/:roundId/count',
    actions: ['round.count'],
    params: roundParams,
    handle: async ({ params, context }) => {
      const round = await roundIn(context, params.municipalityCode, params.roundId);
      await getService(context.strapi, 'round-count').count(params.municipalityCode, round.documentId);
      return { redirect: roundsPath(context, params.municipalityCode, `/${round.documentId}/count?done=counted`) };
    },
  }),
];
