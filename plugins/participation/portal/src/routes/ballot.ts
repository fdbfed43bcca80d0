import { createElement } from 'react';
import { z } from 'zod';
import { errors } from '@strapi/utils';
import type { CastBallot, Round } from '../../../shared/contracts/rounds';
import type { Municipality } from '../../../shared/contracts/municipalities';
import { documentIdSchema } from '../../../server/src/routes/content-api/validation/common';
import { ballotRoutes } from '../../../server/src/routes/content-api/ballots';
import { getService } from '../../../server/src/utils/get-service';
import type { FieldErrors } from '../components/ErrorSummary';
import { portalRoute, type PortalContext, type PortalPage } from '../http/portal-route';
import { BallotChoosePage } from '../pages/BallotChoosePage';
import { BallotReviewPage } from '../pages/BallotReviewPage';
import { BallotReceiptPage } from '../pages/BallotReceiptPage';
import { ProblemPage } from '../pages/ProblemPage';
import { IneligibleNotice } from '../components/IneligibleNotice';
import { CHOICES_FIELD, ballotBodyOf, ballotFieldsOf, ballotValuesOf, type BallotFormValues } from '../ballot/ballot-form';
import { refusalMessage, tallyOf, type BallotTally, type OpenBallot } from '../ballot/ballot-tally';
import { ballotReceiptSchema, receiptFromFlash, type BallotReceipt } from '../ballot/ballot-receipt';
import { receiptText } from '../ballot/receipt-text';
import { languageOfItem } from '../i18n/content-language';
import { projectLanguagesOf, type ProjectLanguages } from '../ballot/project-languages';
import { PHASE_MESSAGES } from '../components/round-phase';

const roundParams = z.object({ roundId: documentIdSchema });
/** The same actions as the API's POST /rounds/:roundId/ballot, with the round the pages show. */
const VOTE_ACTIONS = ['round.findOne', 'ballot.cast'] as const;

/** Everything the ballot's pages show: the round, its municipality (currency) and its ballot as frozen for voting, with the language of each project's title. */
interface BallotScene {
  round: Round;
  municipality: Municipality;
  ballot: OpenBallot;
  languages: ProjectLanguages;
}

const sceneOf = async (context: PortalContext, roundId: string): Promise<BallotScene | PortalPage> => {
  const round = await getService(context.strapi, 'round').findOne(roundId);
  if (round.phase !== 'voting') {
    const detail = context.i18n.t('ballot.notOpen', { phase: context.i18n.t(PHASE_MESSAGES[round.phase]) });
    return { ...ProblemPage({ status: 409, detail, i18n: context.i18n }), status: 409 };
  }
  const [municipality, ballot] = await Promise.all([
    getService(context.strapi, 'municipality').getByCode(round.municipalityCode),
    getService(context.strapi, 'ballot').ballotOf(round.documentId),
  ]);
  return { round, municipality, ballot, languages: await projectLanguagesOf(context.strapi, round.documentId, ballot, municipality) };
};

const choosePage = (context: PortalContext, scene: BallotScene, values: BallotFormValues, fieldErrors: FieldErrors, tally: BallotTally | null, status = 200): PortalPage => ({
  title: context.i18n.t('ballot.chooseTitle'),
  status,
  scripts: scene.round.runningTotals ? ['ballot.js', 'live.js'] : ['ballot.js'],
  body: createElement(BallotChoosePage, { ...scene, values, errors: fieldErrors, tally }),
});

/** The ballot service refused the choices (a ValidationError naming the field): the page's words for it. */
const refusalErrors = (error: unknown, ballot: OpenBallot, tally: BallotTally): FieldErrors => {
  if (!(error instanceof errors.ValidationError)) throw error;
  const [path] = (error.details as { errors?: Array<{ path: string[] }> })?.errors ?? [];
  return path?.path[0] === 'districtCode' ? { districtCode: 'ballot.error.district' } : { [CHOICES_FIELD]: refusalMessage(ballot, tally) };
};

type Checked<Result> = { result: Result; body: CastBallot.Body; tally: BallotTally } | { errors: FieldErrors; tally: BallotTally | null };

/**
 * The form read into the API's body (by the API's own schema), then `submit`: the ballot service checks
 * it exactly as a cast does (checkChoices), or casts it (castOnline). Its refusal comes back as field errors.
 */
const checkBallot = async <Result>(ballot: OpenBallot, values: BallotFormValues, submit: (body: CastBallot.Body) => Promise<Result>): Promise<Checked<Result>> => {
  const read = ballotBodyOf(values, ballot.ballotRules.kind);
  if ('errors' in read) return { errors: read.errors, tally: null };
  const parsed = ballotRoutes.cast.body.safeParse(read.body);
  if (!parsed.success) return { errors: { [CHOICES_FIELD]: 'ballot.error.choices' }, tally: null };
  const tally = tallyOf(ballot, parsed.data);
  try {
    return { result: await submit(parsed.data), body: parsed.data, tally };
  } catch (error) {
    return { errors: refusalErrors(error, ballot, tally), tally };
  }
};

const isScene = (loaded: BallotScene | PortalPage): loaded is BallotScene => 'ballot' in loaded;

/** Whether this voter may vote, asked before the ballot is shown: the reason if not (403). */
const ineligiblePage = async (context: PortalContext, scene: BallotScene): Promise<PortalPage | null> => {
  const eligibility = await getService(context.strapi, 'ballot').eligibilityOf(scene.round.documentId, context.user!.id);
  if (eligibility.eligible) return null;
  return {
    title: context.i18n.t('ballot.ineligible.title'),
    status: 403,
    body: createElement(IneligibleNotice, { field: eligibility.field, round: scene.round, municipality: scene.municipality }),
  };
};

/** A POST of the ballot form that answers a page about it: the round's ballot and the form's values read first. */
const ballotFormRoute = (path: string, answer: (context: PortalContext, scene: BallotScene, values: BallotFormValues) => Promise<PortalPage>) =>
  portalRoute({
    method: 'POST',
    path,
    actions: VOTE_ACTIONS,
    params: roundParams,
    handle: async ({ params, form, context }) => {
      const scene = await sceneOf(context, params.roundId);
      if (!isScene(scene)) return scene;
      return answer(context, scene, ballotValuesOf(form, scene.ballot.ballotRules.kind));
    },
  });

export const ballotPortalRoutes = [
  portalRoute({
    method: 'GET',
    path: '/rounds/:roundId/vote',
    actions: VOTE_ACTIONS,
    params: roundParams,
    handle: async ({ params, context }) => {
      const scene = await sceneOf(context, params.roundId);
      if (!isScene(scene)) return scene;
      return (await ineligiblePage(context, scene)) ?? choosePage(context, scene, { projects: [], numbers: {} }, {}, null);
    },
  }),
  /** The review: what was chosen and what it adds up to, or the ballot again with its errors (400). */
  ballotFormRoute('/rounds/:roundId/vote', async (context, scene, values) => {
    const checked = await checkBallot(scene.ballot, values, (body) => getService(context.strapi, 'ballot').checkChoices(scene.round.documentId, body));
    if ('errors' in checked) return choosePage(context, scene, values, checked.errors, checked.tally, 400);
    return {
      title: context.i18n.t('ballot.reviewTitle'),
      body: createElement(BallotReviewPage, {
        round: scene.round,
        municipality: scene.municipality,
        tally: checked.tally,
        languages: scene.languages,
        fields: ballotFieldsOf(values, scene.ballot.ballotRules.kind),
        districtCode: checked.body.districtCode,
      }),
    };
  }),
  /** "Change" on the review: the ballot again with the choices in it. */
  ballotFormRoute('/rounds/:roundId/vote/change', async (context, scene, values) => {
    const read = ballotBodyOf(values, scene.ballot.ballotRules.kind);
    return choosePage(context, scene, values, {}, 'body' in read ? tallyOf(scene.ballot, read.body) : null);
  }),
  portalRoute({
    method: 'POST',
    path: '/rounds/:roundId/vote/confirm',
    actions: VOTE_ACTIONS,
    params: roundParams,
    handle: async ({ params, form, context, session }) => {
      // The hottest form of the portal: the round's page data is read only if the ballot comes back.
      const ballots = getService(context.strapi, 'ballot');
      const ballot = await ballots.ballotOf(params.roundId);
      const values = ballotValuesOf(form, ballot.ballotRules.kind);
      const cast = await checkBallot(ballot, values, (body) => ballots.castOnline(params.roundId, context.user!.id, body));
      if ('errors' in cast) {
        const scene = await sceneOf(context, params.roundId);
        return isScene(scene) ? choosePage(context, scene, values, cast.errors, cast.tally, 400) : scene;
      }
      const receipt: BallotReceipt = {
        roundDocumentId: params.roundId,
        receiptCode: cast.result.receiptCode,
        castAt: new Date().toISOString(),
        replaced: cast.result.replacedEarlierBallot,
      };
      await session.flash.put(JSON.stringify(receipt));
      return { redirect: context.href(`/rounds/${params.roundId}/vote/receipt`) };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/rounds/:roundId/vote/receipt',
    actions: VOTE_ACTIONS,
    params: roundParams,
    handle: async ({ params, context, session }) => {
      const round = await getService(context.strapi, 'round').findOne(params.roundId);
      const receipt = receiptFromFlash(await session.flash.take(), round.documentId);
      const title = context.i18n.t(receipt ? (receipt.replaced ? 'ballot.replacedTitle' : 'ballot.castTitle') : 'ballot.receiptGoneTitle');
      const roundLanguage = await languageOfItem(context.strapi, round);
      return { title, noStore: true, scripts: ['ballot.js'], body: createElement(BallotReceiptPage, { round, roundLanguage, receipt }) };
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/rounds/:roundId/vote/receipt',
    actions: VOTE_ACTIONS,
    params: roundParams,
    handle: async ({ params, form, context }) => {
      const receipt = ballotReceiptSchema.pick({ receiptCode: true, castAt: true }).safeParse(form);
      if (!receipt.success) return { ...ProblemPage({ status: 400, i18n: context.i18n }), status: 400 };
      const round = await getService(context.strapi, 'round').findOne(params.roundId);
      const municipality = await getService(context.strapi, 'municipality').getByCode(round.municipalityCode);
      return { download: { fileName: `receipt-${round.documentId}.txt`, text: receiptText(context.i18n, round, municipality, receipt.data) } };
    },
  }),
];
