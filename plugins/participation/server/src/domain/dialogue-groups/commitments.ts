/** What a dialogue group's meeting produces: a commitment someone owns, or a recommendation to someone. */
export const COMMITMENT_KINDS = ['commitment', 'recommendation'] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];

export const COMMITMENT_STATUSES = ['open', 'in-progress', 'done', 'dropped'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];
