import { errors } from '@strapi/utils';
import type { Round } from '../../../shared/contracts/rounds';
import { getService } from '../../../server/src/utils/get-service';
import type { PortalContext, PortalPage } from '../http/portal-route';
import type { OpenBallot } from '../ballot/ballot-tally';
import { PHASE_MESSAGES } from '../components/round-phase';
import { ProblemPage } from '../pages/ProblemPage';
import { requireInMunicipality } from './scoped-record';
import { projectLanguagesOf, type ProjectLanguages } from '../ballot/project-languages';
import type { PortalLanguage } from '../i18n/languages';

/**
 * How long a desk keeps what it shows of a round. Its settings and ballot froze when voting opened and a
 * phase never comes back, so only names shown beside them (a municipality's, another municipality added
 * to the residence choices) can change while the round votes: a minute bounds how long they show old.
 */
const KEPT_MS = 60_000;

/** Everything the desk shows: the round (of the path's municipality, voting), its ballot and its titles' languages, the municipalities a person may state. */
export interface DeskScene {
  round: Round;
  municipality: { code: string; name: string; currency: string; contentLanguage: PortalLanguage };
  ballot: OpenBallot;
  languages: ProjectLanguages;
  municipalities: Array<{ code: string; name: string }>;
}

export const isScene = (loaded: DeskScene | PortalPage): loaded is DeskScene => 'ballot' in loaded;

/** The scene read afresh, or the page that says why there is none: 404 (no such round here), 409 (not voting). */
export const readDeskScene = async (context: PortalContext, municipalityCode: string, roundId: string): Promise<DeskScene | PortalPage> => {
  const found = await getService(context.strapi, 'round').findOne(roundId).catch((error) => {
    if (error instanceof errors.NotFoundError) return null;
    throw error;
  });
  const round = requireInMunicipality(found, found?.municipalityCode, municipalityCode);
  if (round.phase !== 'voting') {
    const detail = context.i18n.t('ballot.notOpen', { phase: context.i18n.t(PHASE_MESSAGES[round.phase]) });
    return { ...ProblemPage({ status: 409, detail, i18n: context.i18n }), status: 409 };
  }
  const [municipality, ballot, municipalities] = await Promise.all([
    getService(context.strapi, 'municipality').getByCode(municipalityCode),
    getService(context.strapi, 'ballot').ballotOf(round.documentId),
    getService(context.strapi, 'municipality').choices(),
  ]);
  return { round, municipality, ballot, languages: await projectLanguagesOf(context.strapi, round.documentId, ballot, municipality), municipalities };
};

const kept = new Map<string, { scene: DeskScene; until: number }>();

/**
 * The scene as a stack of paper forms needs it after every ballot: kept per voting round, so that each
 * page after a ballot reads only the round's phase (it may have closed meanwhile) rather than the round,
 * its municipality and the municipalities again.
 */
export const deskScene = async (context: PortalContext, municipalityCode: string, roundId: string): Promise<DeskScene | PortalPage> => {
  const known = kept.get(roundId);
  if (known && known.until > Date.now() && known.scene.municipality.code === municipalityCode) {
    if ((await getService(context.strapi, 'round').phaseOf(roundId)) === 'voting') return known.scene;
  }
  kept.delete(roundId);
  const scene = await readDeskScene(context, municipalityCode, roundId);
  // The round as every desk shows it: nothing in it is the reader's.
  if (isScene(scene)) kept.set(roundId, { scene, until: Date.now() + KEPT_MS });
  return scene;
};
