/** The kinds of ballot a round may use. */
export const BALLOT_KINDS = ['approval', 'choose-1', 'cumulative', 'ordinal'] as const;
export type BallotKind = (typeof BALLOT_KINDS)[number];
