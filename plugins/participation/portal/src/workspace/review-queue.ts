import type { Core } from '@strapi/strapi';
import { formatMinor } from '../../../server/src/domain/money/amount';
import { getService } from '../../../server/src/utils/get-service';
import type { Proposal, Round } from '../../../shared/contracts/rounds';

/** A budget line a proposal draws on and what it has left (revised minus committed), as proposals are checked against it. */
export interface LineLeft {
  code: string;
  fiscalYear: number;
  /** Null when the municipality has no such line that year (imported lines can change under a proposal). */
  name: string | null;
  left: string | null;
}

export interface QueueProposal {
  proposal: Proposal;
  lines: LineLeft[];
}

export interface QueueRound {
  round: Round;
  proposals: QueueProposal[];
}

/** No round has more proposals than this in one review; the page is a work list, not an archive. */
const ROUND_LIMIT = 100;
const PROPOSAL_LIMIT = 500;

/** The lines of one municipality and year by code, each with what it has left. */
export const linesLeft = async (strapi: Core.Strapi, municipalityCode: string, fiscalYears: number[]) => {
  const lines = await getService(strapi, 'budget-line').findForMunicipality(municipalityCode, [...new Set(fiscalYears)]);
  const byKey = new Map(lines.map((line) => [`${line.fiscalYear}:${line.code}`, line]));
  return (fiscalYear: number, codes: readonly string[]): LineLeft[] =>
    codes.map((code) => {
      const line = byKey.get(`${fiscalYear}:${code}`);
      return {
        code,
        fiscalYear,
        name: line?.name ?? null,
        left: line ? formatMinor(BigInt(line.revisedMinor) - BigInt(line.committedMinor)) : null,
      };
    });
};

/** The municipality's rounds in a phase, each with its proposals in the given status, in ballot order. */
const roundsWith = async (strapi: Core.Strapi, municipalityCode: string, phase: 'review' | 'implementation', status: 'under_review' | 'in_implementation') => {
  const rounds = await getService(strapi, 'round').find({ municipality: municipalityCode, phase, page: 1, pageSize: ROUND_LIMIT });
  const withProposals = await Promise.all(
    rounds.data.map(async (round) => ({
      round,
      proposals: (await getService(strapi, 'proposal').find(round.documentId, { status: [status] }, { page: 1, pageSize: PROPOSAL_LIMIT })).data,
    }))
  );
  return withProposals.filter((entry) => entry.proposals.length > 0);
};

/**
 * Staff's review work in a municipality: proposals under review in its rounds in review, with their
 * budget lines and what those lines have left; and the proposals being carried out, which may be
 * marked completed once their implementation reaches 100 %.
 */
export const reviewQueue = async (strapi: Core.Strapi, municipalityCode: string) => {
  const [inReview, inImplementation] = await Promise.all([
    roundsWith(strapi, municipalityCode, 'review', 'under_review'),
    roundsWith(strapi, municipalityCode, 'implementation', 'in_implementation'),
  ]);
  const left = await linesLeft(strapi, municipalityCode, inReview.map(({ round }) => round.fiscalYear));
  const review: QueueRound[] = inReview.map(({ round, proposals }) => ({
    round,
    proposals: proposals.map((proposal) => ({ proposal, lines: left(round.fiscalYear, proposal.budgetLineCodes) })),
  }));
  const implementation = getService(strapi, 'implementation');
  const completion = await Promise.all(
    inImplementation.flatMap(({ proposals }) =>
      proposals.map(async (proposal) => ({ proposal, progressPercent: (await implementation.findForProposal(proposal.documentId)).progressPercent }))
    )
  );
  return { review, completion };
};
