import type { Core } from '@strapi/strapi';
import { getService } from '../../../server/src/utils/get-service';
import type { PortalLanguage } from '../i18n/languages';
import type { OpenBallot } from './ballot-tally';

/** The language a project on a ballot is written in, by its id (the proposal's documentId). */
export type ProjectLanguages = (projectId: string) => PortalLanguage;

/**
 * Kept per voting round, by its ballot's projects: the ballot service hands out the same frozen list for
 * as long as it keeps the round, so this lives exactly as long. The languages stay out of the frozen
 * settings, whose fingerprint would change with them; a title frozen in one language stays in it.
 */
const kept = new WeakMap<OpenBallot['projects'], ProjectLanguages>();

/** The ballot's projects' languages: each proposal's own, else its municipality's content language; read once a round. */
export const projectLanguagesOf = async (
  strapi: Core.Strapi,
  roundDocumentId: string,
  ballot: OpenBallot,
  municipality: { contentLanguage: PortalLanguage }
): Promise<ProjectLanguages> => {
  const known = kept.get(ballot.projects);
  if (known) return known;
  const named = await getService(strapi, 'proposal').languagesOfRound(roundDocumentId);
  const { contentLanguage } = municipality;
  const languages = (projectId: string) => named.get(projectId) ?? contentLanguage;
  kept.set(ballot.projects, languages);
  return languages;
};
