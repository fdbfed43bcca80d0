import { createElement } from 'react';
import { z } from 'zod';
import { errors } from '@strapi/utils';
import type { CastAssistedBallot } from '../../../shared/contracts/rounds';
import { UID } from '../../../server/src/constants/uids';
import { documentIdSchema } from '../../../server/src/routes/content-api/validation/common';
import { getService } from '../../../server/src/utils/get-service';
import type { FieldErrors } from '../components/ErrorSummary';
import { portalRoute, type PortalContext, type PortalPage } from '../http/portal-route';
import type { MessageKey } from '../i18n/translator';
import { BallotDeskPage, type DeskReceipt } from '../pages/BallotDeskPage';
import { BallotDeskRoundsPage } from '../pages/BallotDeskRoundsPage';
import { CHOICES_FIELD } from '../ballot/ballot-form';
import { refusalMessage, tallyOf, type BallotTally, type OpenBallot } from '../ballot/ballot-tally';
import { refusedPaths } from '../workspace/form-errors';
import { DEFAULT_HABITS, assistedBodyOf, deskEntryOf, deskValuesOf, type DeskEntry, type DeskHabits, type DeskValues } from '../workspace/ballot-desk-form';
import { emptyDeskForm } from '../workspace/ballot-desk-empty-form';
import { BallotDeskForm } from '../components/BallotDeskForm';
import { deskFlashOf } from '../workspace/ballot-desk-flash';
import { deskScene, isScene, readDeskScene, type DeskScene } from '../workspace/ballot-desk-scene';

const municipalityParams = z.object({ municipalityCode: z.string().max(32) });
const roundParams = municipalityParams.extend({ roundId: documentIdSchema });
/** The API's POST /municipalities/:municipalityCode/rounds/:roundId/assisted-ballots: facilitators of the municipality. */
const DESK_ACTIONS = ['ballot.castAssisted'] as const;

/** The desk's page: the form as kept when it is empty (after a ballot), else rendered with its values and errors. */
const deskPage = (context: PortalContext, scene: DeskScene, entered: { values: DeskValues; errors: FieldErrors; tally: BallotTally | null } | DeskHabits, receipt: DeskReceipt | null, status = 200): PortalPage => ({
  title: context.i18n.t('wsDesk.roundTitle', { round: scene.round.title }),
  status,
  noStore: true,
  scripts: ['ballot.js'],
  body: createElement(BallotDeskPage, {
    round: scene.round,
    municipality: scene.municipality,
    errors: 'values' in entered ? entered.errors : {},
    receipt,
    form: 'values' in entered ? createElement(BallotDeskForm, { ...scene, ...entered }) : emptyDeskForm(context, scene, entered),
  }),
});

/** Why the person may not vote, beside the field that decided it: what they stated, or their account's profile. */
const INELIGIBLE: Record<'offline' | 'account', Record<string, [string, MessageKey]>> = {
  offline: {
    residence: ['residenceMunicipalityCode', 'wsDesk.ineligible.residence'],
    birthDate: ['birthDate', 'wsDesk.ineligible.age'],
    verified: ['offlineReference', 'wsDesk.ineligible.verified'],
  },
  account: {
    residence: ['email', 'wsDesk.ineligible.accountResidence'],
    birthDate: ['email', 'wsDesk.ineligible.accountAge'],
    verified: ['email', 'wsDesk.ineligible.accountVerified'],
  },
};

type Refusal = { errors: FieldErrors; status: number };

/**
 * The ballot service's refusal of a cast, as the desk's words beside a field: the ballot's rules (400),
 * the person's eligibility (403), a paper reference that took part in another district (409); null for
 * anything else (the round closed meanwhile, a fault).
 */
const refusalOf = (error: unknown, entry: DeskEntry, ballot: OpenBallot, tally: BallotTally): Refusal | null => {
  if (error instanceof errors.PolicyError) {
    const [refused] = (error.details as { errors?: Array<{ path: string[] }> })?.errors ?? [];
    const [field, message] = INELIGIBLE['email' in entry.person ? 'account' : 'offline'][refused?.path[0] ?? ''] ?? ['email', 'wsDesk.ineligible.verified'];
    return { errors: { [field]: message }, status: 403 };
  }
  const paths = refusedPaths(error);
  if (paths) {
    if (paths.includes('districtCode')) return { errors: { districtCode: 'ballot.error.district' }, status: 400 };
    if (paths.includes('participant')) return { errors: { email: 'wsDesk.error.noAccount' }, status: 400 };
    return { errors: { [CHOICES_FIELD]: refusalMessage(ballot, tally) }, status: 400 };
  }
  // The ballot service's 409 for a reference that voted in another district of a one-district-per-voter
  // round (for an account it keeps a conflict for staff and answers as usual, so only a reference gets here).
  if ((error as { status?: number })?.status === 409 && !('email' in entry.person) && /another district/.test(String((error as Error).message))) {
    return { errors: { offlineReference: 'wsDesk.error.otherDistrict' }, status: 409 };
  }
  return null;
};

/**
 * A form for a round that is not (or no longer) voting: the page that says which phase it is in, read
 * afresh; else the error goes on to the portal's error page.
 */
const closedRoundPage = async (context: PortalContext, municipalityCode: string, roundId: string, error: unknown): Promise<PortalPage> => {
  const scene = await readDeskScene(context, municipalityCode, roundId);
  if (isScene(scene)) throw error;
  return scene;
};

/** The account an e-mail names, or null (a blocked account is not one anyone may vote for). */
const accountByEmail = async (context: PortalContext, email: string): Promise<number | null> => {
  const user = await context.strapi.db.query(UID.user).findOne({ where: { email: { $eqi: email } }, select: ['id', 'blocked'] });
  return user && user.blocked !== true ? (user.id as number) : null;
};

export const ballotDeskRoutes = [
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/ballot-desk',
    actions: DESK_ACTIONS,
    params: municipalityParams,
    handle: async ({ params, context }) => {
      const municipality = await getService(context.strapi, 'municipality').getByCode(params.municipalityCode);
      const rounds = await getService(context.strapi, 'round').find({ municipality: municipality.code, phase: 'voting', page: 1, pageSize: 100 });
      return {
        title: context.i18n.t('wsDesk.title'),
        noStore: true,
        body: createElement(BallotDeskRoundsPage, { municipality, rounds: rounds.data }),
      };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/ballot-desk/:roundId',
    actions: DESK_ACTIONS,
    params: roundParams,
    handle: async ({ params, context, session }) => {
      const scene = await deskScene(context, params.municipalityCode, params.roundId);
      if (!isScene(scene)) return scene;
      // The last ballot's receipt, shown once above an empty form, and the habits of the stack kept.
      const flash = deskFlashOf(await session.flash.take(), scene.round.documentId);
      const habits: DeskHabits = flash?.habits ?? DEFAULT_HABITS;
      return deskPage(context, scene, habits, flash?.receipt ?? null);
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/workspace/:municipalityCode/ballot-desk/:roundId',
    actions: DESK_ACTIONS,
    params: roundParams,
    handle: async ({ params, form, context, session }) => {
      // A stack of paper forms comes through here: the round's ballot is kept while it votes, and the
      // page's data is read only if the form comes back.
      let ballot: OpenBallot;
      try {
        ballot = await getService(context.strapi, 'ballot').ballotIn(params.municipalityCode, params.roundId);
      } catch (error) {
        if ((error as { status?: number }).status !== 409) throw error;
        return closedRoundPage(context, params.municipalityCode, params.roundId, error);
      }
      const values = deskValuesOf(form, ballot.ballotRules.kind);
      const again = async (fieldErrors: FieldErrors, tally: BallotTally | null, status: number) => {
        const scene = await deskScene(context, params.municipalityCode, params.roundId);
        return isScene(scene) ? deskPage(context, scene, { values, errors: fieldErrors, tally }, null, status) : scene;
      };

      // The residence stated must be a municipality the app knows: looked up alone rather than listed.
      const stated = values.residenceMunicipalityCode ? await getService(context.strapi, 'municipality').findByCode(values.residenceMunicipalityCode) : null;
      const entry = deskEntryOf(values, ballot.ballotRules.kind, new Set(stated ? [stated.code] : []));
      if ('errors' in entry) return again(entry.errors, null, 400);
      const tally = tallyOf(ballot, entry.body);
      let participant: CastAssistedBallot.Body['participant'];
      if ('email' in entry.person) {
        const userId = await accountByEmail(context, entry.person.email);
        if (userId === null) return again({ email: 'wsDesk.error.noAccount' }, tally, 400);
        participant = { userId };
      } else {
        participant = entry.person;
      }
      const body = assistedBodyOf(entry, participant);
      if ('errors' in body) return again(body.errors, tally, 400);
      let receiptCode: string;
      try {
        ({ receiptCode } = await getService(context.strapi, 'ballot').castAssisted(params.municipalityCode, params.roundId, context.user!.id, body));
      } catch (error) {
        const refusal = refusalOf(error, entry, ballot, tally);
        return refusal ? again(refusal.errors, tally, refusal.status) : closedRoundPage(context, params.municipalityCode, params.roundId, error);
      }
      await session.flash.put(
        JSON.stringify({
          roundDocumentId: params.roundId,
          receipt: { receiptCode, castAt: new Date().toISOString(), channel: body.channel },
          habits: { channel: body.channel, consentMethod: body.consent.method },
        })
      );
      return { redirect: context.href(`/workspace/${params.municipalityCode}/ballot-desk/${params.roundId}`) };
    },
  }),
];
