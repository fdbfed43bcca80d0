import type { Knex } from 'knex';
import { BALLOT_STATUSES } from '../domain/proposals/statuses';
import { settingsFingerprint, type FrozenBallotProject, type FrozenRound } from '../domain/rounds/settings-fingerprint';
import { readJson } from '../utils/json-column';
import type { StoredBigInt } from '../tables/column-values';

export interface StoredFrozenSettings {
  round: FrozenRound;
  projects: FrozenBallotProject[];
  /** The fingerprint stored when voting opened (null before). */
  storedFingerprint: string | null;
  /** The fingerprint of the settings as they are stored now. */
  fingerprint: string;
}

/** The proposal columns a count reads, as knex reads them. */
interface StoredProposal {
  document_id: string;
  title: string;
  district_code: string | null;
  requested_minor: StoredBigInt;
  cost_estimate_minor: StoredBigInt | null;
  ballot_number: number | null;
  gender_marker: string;
  youth_marker: string;
}

/** Reads what a count reads, straight from the rows (in `knex`'s transaction when it is one), and fingerprints it. */
export const readFrozenSettings = async (knex: Knex, roundDocumentId: string): Promise<StoredFrozenSettings | undefined> => {
  const row = await knex('participation_rounds').where({ document_id: roundDocumentId }).first();
  if (!row) return undefined;
  const round: FrozenRound = {
    documentId: row.document_id,
    municipalityCode: row.municipality_code,
    totalBudgetMinor: String(row.total_budget_minor),
    districts: readJson(row.districts, []) ?? [],
    districtsPerVoter: row.districts_per_voter,
    ballotRules: readJson(row.ballot_rules),
    reservations: readJson(row.reservations, []) ?? [],
    eligibility: readJson(row.eligibility),
    showRunningTotals: Boolean(row.show_running_totals),
  };
  const rows = await knex('participation_proposals')
    .where({ round_document_id: roundDocumentId })
    .whereIn('proposal_status', BALLOT_STATUSES as string[])
    .orderBy([{ column: 'ballot_number' }, { column: 'document_id' }]);
  const projects: FrozenBallotProject[] = rows.map((proposal: StoredProposal) => ({
    documentId: proposal.document_id,
    title: proposal.title,
    districtCode: proposal.district_code || '',
    requestedMinor: String(proposal.requested_minor),
    costEstimateMinor: proposal.cost_estimate_minor == null ? null : String(proposal.cost_estimate_minor),
    ballotNumber: proposal.ballot_number == null ? null : Number(proposal.ballot_number),
    genderMarker: proposal.gender_marker,
    youthMarker: proposal.youth_marker,
  }));
  return { round, projects, storedFingerprint: row.settings_fingerprint ?? null, fingerprint: settingsFingerprint(round, projects) };
};
