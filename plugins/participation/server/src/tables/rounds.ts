import type { Core } from '@strapi/strapi';
import { UID } from '../constants/uids';
import type { GenderMarker, YouthMarker } from '../domain/budget-lines/markers';
import type { ProposalStatus } from '../domain/proposals/statuses';
import type { RoundPhase } from '../domain/rounds/phases';
import type { DistrictsPerVoter } from '../domain/rounds/round-settings';
import type { PortalLanguage } from '../../../portal/src/i18n/languages';
import { tableOf } from './metadata';

/**
 * The round aggregate's tables, owned by services/round.ts and services/proposal.ts, which write them
 * through the Document Service. Read with knex only where a row lock or the frozen settings need it
 * (database/frozen-settings.ts, shared with the migrations, names them itself).
 */
export const roundTables = (strapi: Core.Strapi) => ({
  rounds: tableOf(strapi, UID.round),
  proposals: tableOf(strapi, UID.proposal),
});

// The rows as the Document Service returns them. JSON attributes are `unknown`: anyone with the admin
// panel can store any JSON there, so each is read with readJson as the shape it should have.

export interface RoundRow {
  id: number;
  documentId: string;
  municipalityCode: string;
  fiscalYear: number;
  title: string;
  description: string | null;
  totalBudgetMinor: string;
  districts: unknown;
  districtsPerVoter: DistrictsPerVoter | null;
  ballotRules: unknown;
  reservations: unknown;
  eligibility: unknown;
  showRunningTotals: boolean | null;
  schedule: unknown;
  phase: RoundPhase;
  phaseHistory: unknown;
  rulesFrozenAt: string | null;
  language: PortalLanguage | null;
  result: unknown;
}

export interface ProposalRow {
  id: number;
  documentId: string;
  roundDocumentId: string;
  municipalityCode: string;
  districtCode: string | null;
  authorId: number;
  title: string;
  description: string;
  location: string | null;
  requestedMinor: string;
  budgetLineCodes: unknown;
  targetGroups: unknown;
  genderMarker: GenderMarker;
  genderImpactStatement: string | null;
  youthMarker: YouthMarker;
  easyReadSummary: string | null;
  sourceRecommendationId: string | null;
  proposalStatus: ProposalStatus;
  costEstimateMinor: string | null;
  infeasibleReason: string | null;
  ballotNumber: number | null;
  language: PortalLanguage | null;
}

export interface ProposalStatusChangeRow {
  id: number;
  documentId: string;
  proposalDocumentId: string;
  fromStatus: ProposalStatus | null;
  toStatus: ProposalStatus;
  note: string | null;
  actorId: number | null;
  changedAt: string;
}
