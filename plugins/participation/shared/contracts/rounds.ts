import type { Paginated, RecordedConsent, Single } from './common';
import type { DecimalString, GenderMarker, YouthMarker } from './budget-lines';
import type { PhaseAction, RoundPhase } from '../../server/src/domain/rounds/phases';
import type { BallotKind } from '../../server/src/domain/voting/ballot-kinds';
import type { AssistedChannel, VotingChannel } from '../../server/src/domain/voting/channels';
import type { DistrictsPerVoter, ReservationMarker } from '../../server/src/domain/rounds/round-settings';
import type { TieBreaking } from '../../server/src/domain/counting/tie-breaking';
import type { ProposalStatus, TargetGroup } from '../../server/src/domain/proposals/statuses';

export type { AssistedChannel, BallotKind, DistrictsPerVoter, PhaseAction, ProposalStatus, ReservationMarker, RoundPhase, TargetGroup, TieBreaking };
export type { VotingChannel };

export interface BallotRules {
  kind: BallotKind;
  minProjects?: number;
  maxProjects?: number;
  maxCost?: DecimalString;
  totalPoints?: number;
  maxPointsPerProject?: number;
  pointsPerPosition?: number[];
  countingRule: string;
  tieBreaking: TieBreaking;
  minSupport?: number;
  stopAtFirstMisfit?: boolean;
}

export interface Eligibility {
  residentsOnly: boolean;
  minAge?: number;
  maxAge?: number;
  ageOnDate?: string;
  verifiedParticipantsOnly: boolean;
}

export interface DistrictResult {
  districtCode: string;
  budget: DecimalString;
  spent: DecimalString;
  ballots: number;
  /** Proposal documentIds. */
  selected: string[];
  selectionOrder: string[];
  support: Record<string, { votes: number; points?: number }>;
  reservations: Array<{ marker: string; share: string; required: string; spent: string; met: boolean; reason?: string }>;
  trace: unknown[];
  warnings: string[];
}

export interface RoundResult {
  countedAt: string;
  rule: string;
  tieBreaking: string;
  districts: DistrictResult[];
  participation: { total: number; byChannel: Record<VotingChannel, number> };
}

export interface Round {
  documentId: string;
  municipalityCode: string;
  fiscalYear: number;
  title: string;
  description: string;
  totalBudget: DecimalString;
  districts: Array<{ code: string; name: string; budget: DecimalString }>;
  /** `one`: a voter votes in one district of the round; `every`: in each district once. */
  districtsPerVoter: DistrictsPerVoter;
  ballotRules: BallotRules;
  reservations: Array<{ marker: ReservationMarker; share: string }>;
  eligibility: Eligibility;
  showRunningTotals: boolean;
  schedule: { proposalsOpen?: string; proposalsClose?: string; votingOpen?: string; votingClose?: string };
  phase: RoundPhase;
  phaseHistory: Array<{ phase: RoundPhase; at: string }>;
  rulesFrozenAt: string | null;
  /** Ballots listing each proposal so far: only while voting, and only in rounds that show them. */
  runningTotals: Record<string, number> | null;
  /** Published from the results phase on. */
  result: RoundResult | null;
}

export type RoundSettingsInput = Omit<Round, 'documentId' | 'municipalityCode' | 'phase' | 'phaseHistory' | 'rulesFrozenAt' | 'runningTotals' | 'result' | 'totalBudget' | 'districts' | 'districtsPerVoter'> & {
  totalBudget: DecimalString | number;
  districts?: Array<{ code: string; name: string; budget: DecimalString | number }>;
  districtsPerVoter?: DistrictsPerVoter;
};

export namespace ListRounds {
  export interface Query { municipality?: string; phase?: RoundPhase; page?: number; pageSize?: number }
  export type Response = Paginated<Round>;
}
export namespace GetRound {
  export type Response = Single<Round>;
}
export namespace TransitionRound {
  export interface Body { action: PhaseAction }
  export type Response = Single<Round>;
}

export interface Proposal {
  documentId: string;
  roundDocumentId: string;
  municipalityCode: string;
  districtCode: string | null;
  title: string;
  description: string;
  location: string | null;
  requestedAmount: DecimalString;
  costEstimate: DecimalString | null;
  budgetLineCodes: string[];
  targetGroups: TargetGroup[];
  genderMarker: GenderMarker;
  genderImpactStatement: string | null;
  youthMarker: YouthMarker;
  easyReadSummary: string | null;
  sourceRecommendationId: string | null;
  status: ProposalStatus;
  infeasibleReason: string | null;
  ballotNumber: number | null;
  statusHistory: Array<{ from: ProposalStatus | null; to: ProposalStatus; at: string; note: string | null }>;
}

export interface ProposalInput {
  title: string;
  description: string;
  location?: string;
  districtCode?: string;
  requestedAmount: DecimalString | number;
  budgetLineCodes: string[];
  targetGroups?: TargetGroup[];
  genderMarker?: GenderMarker;
  genderImpactStatement?: string;
  youthMarker?: YouthMarker;
  easyReadSummary?: string;
  sourceRecommendationId?: string;
}

export type ReviewAction =
  | { action: 'start-review' }
  | { action: 'mark-feasible'; costEstimate: DecimalString | number; note?: string }
  | { action: 'mark-infeasible'; reason: string }
  | { action: 'mark-completed'; note?: string };

export type BallotChoices = { projects: string[] } | { points: Record<string, number> } | { ranking: string[] };

export namespace CastBallot {
  export interface Body { districtCode?: string; choices: BallotChoices }
  export type Response = Single<{ receiptCode: string; replacedEarlierBallot: boolean }>;
}

export namespace CastAssistedBallot {
  export interface Body {
    districtCode?: string;
    channel: AssistedChannel;
    participant: { userId: number } | { offlineReference: string; residenceMunicipalityCode: string; birthDate?: string };
    consent: RecordedConsent;
    choices: BallotChoices;
  }
  /** 202, the same whether or not the person had voted online (their own ballot then stands; staff see a conflict). */
  export type Response = Single<{ receiptCode: string }>;
}

export namespace VerifyReceipt {
  export type Response = Single<{ receiptCode: string; inPublishedBallotSet: boolean; matchesBallotAsCast: boolean; districtCode: string | null; channel: VotingChannel | null }>;
}

export namespace RoundParticipation {
  /** Staff see who took part, never how anyone voted. */
  export type Response = Paginated<{ username: string | null; offline: boolean; districtCode: string; channel: VotingChannel; facilitator: string | null; lastCastAt: string }> & {
    meta: { byChannel: Record<VotingChannel, number> };
  };
}
