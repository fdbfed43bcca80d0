import type { Core } from '@strapi/strapi';

/**
 * Rounds and proposals written straight through the Document Service, in whatever phase or status a
 * test needs (the API would have to walk the whole cycle to get there).
 */
export const createRound = async (strapi: Core.Strapi, municipalityCode: string, fields: Record<string, unknown> = {}) =>
  (
    await strapi.documents('plugin::participation.round').create({
      data: {
        municipalityCode,
        fiscalYear: 2026,
        title: 'Round',
        totalBudgetMinor: '100000',
        ballotRules: { kind: 'approval', countingRule: 'greedy_cost', tieBreaking: 'id' },
        eligibility: { residentsOnly: false, verifiedParticipantsOnly: false },
        phase: 'draft',
        ...fields,
      } as any,
    })
  ).documentId as string;

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
      } as any,
    })
  ).documentId as string;
