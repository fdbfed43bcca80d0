import type { Core } from '@strapi/strapi';
import { ROUND_PHASES, type RoundPhase } from '../../plugins/participation/server/src/domain/rounds/phases';
import { readFrozenSettings } from '../../plugins/participation/server/src/database/frozen-settings';
import { bootApp } from './app';
import { createMunicipality, createPerson } from './people';

/**
 * Moves a round along the phase machine to `phase`, one phase at a time as the database demands, taking
 * the fingerprint of its settings and ballot when voting opens, as `open-voting` does (without the
 * transitions' checks and side effects on proposals: put proposals on the ballot before voting opens).
 */
export const advanceRound = async (strapi: Core.Strapi, roundDocumentId: string, phase: RoundPhase) => {
  const rounds = () => strapi.db.connection('participation_rounds').where({ document_id: roundDocumentId });
  let { phase: current } = await rounds().first('phase');
  while (ROUND_PHASES.indexOf(current) < ROUND_PHASES.indexOf(phase)) {
    const next = ROUND_PHASES[ROUND_PHASES.indexOf(current) + 1];
    const frozen =
      next === 'voting' ? { rules_frozen_at: new Date(), settings_fingerprint: (await readFrozenSettings(strapi.db.connection, roundDocumentId))!.fingerprint } : {};
    await rounds().update({ phase: next, ...frozen });
    current = next;
  }
};

/**
 * Rounds and proposals written straight through the Document Service, in whatever phase or status a
 * test needs (the API would have to walk the whole cycle to get there). A round is created in draft
 * and, with `phase`, moved there by {@link advanceRound}.
 */
export const createRound = async (strapi: Core.Strapi, municipalityCode: string, { phase, ...fields }: Record<string, unknown> = {}) => {
  const { documentId } = await strapi.documents('plugin::participation.round').create({
    data: {
      municipalityCode,
      fiscalYear: 2026,
      title: 'Round',
      totalBudgetMinor: '100000',
      ballotRules: { kind: 'approval', countingRule: 'greedy_cost', tieBreaking: 'id' },
      eligibility: { residentsOnly: false, verifiedParticipantsOnly: false },
      ...fields,
    },
  });
  if (phase) await advanceRound(strapi, documentId, phase as RoundPhase);
  return documentId as string;
};

export const createProposal = async (
  strapi: Core.Strapi,
  roundDocumentId: string,
  municipalityCode: string,
  fields: Record<string, unknown> = {}
) =>
  (
    await strapi.documents('plugin::participation.proposal').create({
      data: {
        roundDocumentId,
        municipalityCode,
        authorId: 0,
        title: 'Proposal',
        description: 'A proposal written for a test.',
        requestedMinor: '100',
        budgetLineCodes: ['FIX'],
        proposalStatus: 'submitted',
        ...fields,
      },
    })
  ).documentId as string;

/**
 * The app booted for a test file with one municipality and a member of its staff: the setup most
 * files share. `afterAll(() => app?.close())` ends it.
 */
export const bootWithMunicipality = async (code: string, name?: string) => {
  const app = await bootApp();
  await createMunicipality(app.strapi, code, name);
  const staff = await createPerson(app.strapi, 'municipal-staff', [code]);
  return { app, staff };
};

let municipalityCounter = 0;

/**
 * A municipality of the test's own, with a new code each call, and a member of its staff: what the
 * test counts there (decision-log sequences, moderation actions, committed amounts) starts from nothing.
 */
export const createOwnMunicipality = async (strapi: Core.Strapi, prefix = 'OWN') => {
  municipalityCounter += 1;
  const code = `${prefix}-${municipalityCounter}`;
  await createMunicipality(strapi, code);
  const staff = await createPerson(strapi, 'municipal-staff', [code]);
  return { code, staff };
};

/**
 * A round in its voting phase with the ballot rules given (as stored: amounts in minor units) and three
 * proposals on the ballot, "Project 1" to "Project 3", costing 100, 200 and 300; in a round with
 * `districts` (among `fields`), the proposals go to its districts in turn.
 */
export const createVotingRound = async (strapi: Core.Strapi, municipalityCode: string, ballotRules: Record<string, unknown>, fields: Record<string, unknown> = {}) => {
  const roundId = await createRound(strapi, municipalityCode, { ballotRules: { tieBreaking: 'id', ...ballotRules }, schedule: { votingClose: '2030-01-31' }, ...fields });
  const districts = (fields.districts ?? []) as Array<{ code: string }>;
  const projects: string[] = [];
  for (const [index, cost] of ['10000', '20000', '30000'].entries()) {
    const district = districts.length > 0 ? { districtCode: districts[index % districts.length].code } : {};
    projects.push(await createProposal(strapi, roundId, municipalityCode, { title: `Project ${index + 1}`, requestedMinor: cost, proposalStatus: 'on_ballot', ballotNumber: index + 1, ...district }));
  }
  await advanceRound(strapi, roundId, 'voting');
  return { roundId, projects };
};
