/** What a dialogue group's minutes record: something promised, or advice that may become a proposal. */
export const COMMITMENT_KINDS = ['commitment', 'recommendation'] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];

/** Where a commitment of the public register stands. */
export const COMMITMENT_STATUSES = ['open', 'in-progress', 'done', 'dropped'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];
