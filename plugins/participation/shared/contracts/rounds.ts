import { z } from 'zod';
import { decimalStringSchema, instantSchema, paginated, paginationSchema, single, writtenLanguageAnswerSchema, type PageQuery, type RecordedConsent } from './common';
import type { PortalLanguage } from '../../portal/src/i18n/languages';
import type { DecimalString } from './budget-lines';
import { PHASE_ACTION_NAMES, ROUND_PHASES } from '../../server/src/domain/rounds/phases';
import { DISTRICTS_PER_VOTER, RESERVATION_MARKERS } from '../../server/src/domain/rounds/round-settings';
import { RULE_NAMES, TIE_BREAKINGS } from '../../server/src/domain/counting';
import { PROPOSAL_STATUSES, TARGET_GROUPS } from '../../server/src/domain/proposals/statuses';
import { GENDER_MARKERS, YOUTH_MARKERS } from '../../server/src/domain/budget-lines/markers';
import { BALLOT_KINDS } from '../../server/src/domain/voting/ballot-kinds';
import { ASSISTED_CHANNELS, VOTING_CHANNELS } from '../../server/src/domain/voting/channels';

export const roundPhaseSchema = z.enum(ROUND_PHASES);
export type RoundPhase = z.infer<typeof roundPhaseSchema>;
export const phaseActionSchema = z.enum(PHASE_ACTION_NAMES);
export type PhaseAction = z.infer<typeof phaseActionSchema>;
export const ballotKindSchema = z.enum(BALLOT_KINDS);
export type BallotKind = z.infer<typeof ballotKindSchema>;
export const votingChannelSchema = z.enum(VOTING_CHANNELS);
export type VotingChannel = z.infer<typeof votingChannelSchema>;
export type DistrictsPerVoter = (typeof DISTRICTS_PER_VOTER)[number];

/** A calendar date such as 2026-05-01. */
const calendarDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ballotRulesAnswerSchema = z.strictObject({
  kind: ballotKindSchema,
  minProjects: z.number().int().optional(),
  maxProjects: z.number().int().optional(),
  maxCost: decimalStringSchema.optional(),
  totalPoints: z.number().int().optional(),
  maxPointsPerProject: z.number().int().optional(),
  pointsPerPosition: z.array(z.number().int()).optional(),
  countingRule: z.enum(RULE_NAMES),
  tieBreaking: z.enum(TIE_BREAKINGS),
  minSupport: z.number().int().optional(),
  stopAtFirstMisfit: z.boolean().optional(),
});
export type BallotRules = z.infer<typeof ballotRulesAnswerSchema>;

export const eligibilitySchema = z.strictObject({
  residentsOnly: z.boolean(),
  minAge: z.number().int().optional(),
  maxAge: z.number().int().optional(),
  ageOnDate: calendarDateSchema.optional(),
  verifiedParticipantsOnly: z.boolean(),
});
export type Eligibility = z.infer<typeof eligibilitySchema>;

export const districtResultSchema = z.strictObject({
  districtCode: z.string(),
  budget: decimalStringSchema,
  spent: decimalStringSchema,
  ballots: z.number().int(),
  /** Proposal documentIds. */
  selected: z.array(z.string()),
  selectionOrder: z.array(z.string()),
  support: z.record(z.string(), z.strictObject({ votes: z.number().int(), points: z.number().optional() })),
  /** Amounts in currency units; an exact fraction as text ("n/d") where not whole. */
  reservations: z.array(
    z.strictObject({
      marker: z.string(),
      share: z.string(),
      required: z.string(),
      spent: z.string(),
      met: z.boolean(),
      reason: z.enum(['not-enough-marked-projects', 'marked-projects-do-not-fit']).optional(),
    })
  ),
  /** The counting rule's explanation, one entry per decision (domain/counting/trace.ts). */
  trace: z.array(z.unknown()),
  warnings: z.array(z.string()),
});
export type DistrictResult = z.infer<typeof districtResultSchema>;

export const roundResultSchema = z.strictObject({
  countedAt: instantSchema,
  rule: z.enum(RULE_NAMES),
  tieBreaking: z.enum(TIE_BREAKINGS),
  districts: z.array(districtResultSchema),
  participation: z.strictObject({ total: z.number().int(), byChannel: z.record(votingChannelSchema, z.number().int()) }),
});
export type RoundResult = z.infer<typeof roundResultSchema>;

export const roundSchema = z.strictObject({
  documentId: z.string(),
  municipalityCode: z.string(),
  fiscalYear: z.number().int(),
  title: z.string(),
  description: z.string(),
  totalBudget: decimalStringSchema,
  districts: z.array(z.strictObject({ code: z.string(), name: z.string(), budget: decimalStringSchema })),
  /** `one`: a voter votes in one district of the round; `every`: in each district once. */
  districtsPerVoter: z.enum(DISTRICTS_PER_VOTER),
  ballotRules: ballotRulesAnswerSchema,
  reservations: z.array(z.strictObject({ marker: z.enum(RESERVATION_MARKERS), share: z.string() })),
  eligibility: eligibilitySchema,
  showRunningTotals: z.boolean(),
  schedule: z.strictObject({
    proposalsOpen: calendarDateSchema.optional(),
    proposalsClose: calendarDateSchema.optional(),
    votingOpen: calendarDateSchema.optional(),
    votingClose: calendarDateSchema.optional(),
  }),
  phase: roundPhaseSchema,
  phaseHistory: z.array(z.strictObject({ phase: roundPhaseSchema, at: instantSchema })),
  rulesFrozenAt: instantSchema.nullable(),
  /** Ballots listing each proposal so far: only while voting, and only in rounds that show them. */
  runningTotals: z.record(z.string(), z.number().int()).nullable(),
  /** Published from the results phase on. */
  result: roundResultSchema.nullable(),
  language: writtenLanguageAnswerSchema,
});
export type Round = z.infer<typeof roundSchema>;

export const roundListSchema = paginated(roundSchema);
export const roundAnswerSchema = single(roundSchema);
export const roundResultAnswerSchema = single(roundResultSchema);

export type RoundSettingsInput = Omit<Round, 'documentId' | 'municipalityCode' | 'phase' | 'phaseHistory' | 'rulesFrozenAt' | 'runningTotals' | 'result' | 'totalBudget' | 'districts' | 'districtsPerVoter' | 'language'> & {
  totalBudget: DecimalString | number;
  districts?: Array<{ code: string; name: string; budget: DecimalString | number }>;
  districtsPerVoter?: DistrictsPerVoter;
  language?: PortalLanguage | null;
};

export namespace ListRounds {
  export interface Query extends PageQuery { municipality?: string; phase?: RoundPhase }
  export type Response = z.infer<typeof roundListSchema>;
}
export namespace GetRound {
  export type Response = z.infer<typeof roundAnswerSchema>;
}
export namespace TransitionRound {
  export interface Body { action: PhaseAction }
  export type Response = z.infer<typeof roundAnswerSchema>;
}
export namespace CountRound {
  export type Response = z.infer<typeof roundResultAnswerSchema>;
}

export const proposalStatusSchema = z.enum(PROPOSAL_STATUSES);
export type ProposalStatus = z.infer<typeof proposalStatusSchema>;
export const targetGroupSchema = z.enum(TARGET_GROUPS);
export type TargetGroup = z.infer<typeof targetGroupSchema>;

export const proposalSchema = z.strictObject({
  documentId: z.string(),
  roundDocumentId: z.string(),
  municipalityCode: z.string(),
  districtCode: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  location: z.string().nullable(),
  requestedAmount: decimalStringSchema,
  costEstimate: decimalStringSchema.nullable(),
  budgetLineCodes: z.array(z.string()),
  targetGroups: z.array(targetGroupSchema),
  genderMarker: z.enum(GENDER_MARKERS),
  genderImpactStatement: z.string().nullable(),
  youthMarker: z.enum(YOUTH_MARKERS),
  easyReadSummary: z.string().nullable(),
  sourceRecommendationId: z.string().nullable(),
  status: proposalStatusSchema,
  infeasibleReason: z.string().nullable(),
  ballotNumber: z.number().int().nullable(),
  statusHistory: z.array(z.strictObject({ from: proposalStatusSchema.nullable(), to: proposalStatusSchema, at: instantSchema, note: z.string().nullable() })),
  language: writtenLanguageAnswerSchema,
});
export type Proposal = z.infer<typeof proposalSchema>;

export const proposalListSchema = paginated(proposalSchema);
export const proposalAnswerSchema = single(proposalSchema);

export namespace ListProposals {
  export interface Query extends PageQuery { status?: ProposalStatus | ProposalStatus[]; districtCode?: string }
  export type Response = z.infer<typeof proposalListSchema>;
}
export namespace GetProposal {
  export type Response = z.infer<typeof proposalAnswerSchema>;
}

export interface ProposalInput {
  title: string;
  description: string;
  location?: string;
  districtCode?: string;
  requestedAmount: DecimalString | number;
  budgetLineCodes: string[];
  targetGroups?: TargetGroup[];
  genderMarker?: Proposal['genderMarker'];
  genderImpactStatement?: string;
  youthMarker?: Proposal['youthMarker'];
  easyReadSummary?: string;
  sourceRecommendationId?: string;
  language?: PortalLanguage | null;
}

export type ReviewAction =
  | { action: 'start-review' }
  | { action: 'mark-feasible'; costEstimate: DecimalString | number; note?: string }
  | { action: 'mark-infeasible'; reason: string }
  | { action: 'mark-completed'; note?: string };

export type BallotChoices = { projects: string[] } | { points: Record<string, number> } | { ranking: string[] };

export const castBallotAnswerSchema = single(z.strictObject({ receiptCode: z.string(), replacedEarlierBallot: z.boolean() }));

export namespace CastBallot {
  export interface Body { districtCode?: string; choices: BallotChoices }
  export type Response = z.infer<typeof castBallotAnswerSchema>;
}

/** 202, the same whether or not the person had voted online (their own ballot then stands; staff see a conflict). */
export const castAssistedBallotAnswerSchema = single(z.strictObject({ receiptCode: z.string() }));

export namespace CastAssistedBallot {
  export interface Body {
    districtCode?: string;
    channel: (typeof ASSISTED_CHANNELS)[number];
    participant: { userId: number } | { offlineReference: string; residenceMunicipalityCode: string; birthDate?: string; demographics?: unknown };
    consent: RecordedConsent;
    choices: BallotChoices;
  }
  export type Response = z.infer<typeof castAssistedBallotAnswerSchema>;
}

export const receiptCheckAnswerSchema = single(
  z.strictObject({
    receiptCode: z.string(),
    inPublishedBallotSet: z.boolean(),
    matchesBallotAsCast: z.boolean(),
    districtCode: z.string().nullable(),
    channel: votingChannelSchema.nullable(),
  })
);

export namespace VerifyReceipt {
  export type Response = z.infer<typeof receiptCheckAnswerSchema>;
}

/** Staff see who took part, never how anyone voted. */
export const roundParticipationSchema = z.strictObject({
  data: z.array(
    z.strictObject({
      username: z.string().nullable(),
      offline: z.boolean(),
      districtCode: z.string(),
      channel: votingChannelSchema,
      facilitator: z.string().nullable(),
      lastCastAt: instantSchema,
    })
  ),
  meta: z.strictObject({
    pagination: paginationSchema,
    byChannel: z.record(votingChannelSchema, z.number().int()),
    /** Assisted or paper ballots refused because the person had voted online: staff settle them with the person. */
    conflicts: z.array(
      z.strictObject({
        username: z.string().nullable(),
        facilitator: z.string().nullable(),
        channel: votingChannelSchema,
        districtCode: z.string(),
        recordedAt: instantSchema,
      })
    ),
  }),
});

export namespace RoundParticipation {
  export type Response = z.infer<typeof roundParticipationSchema>;
}
