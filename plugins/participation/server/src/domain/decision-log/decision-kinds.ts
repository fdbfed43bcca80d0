/** What a logged decision does, and to what. */
export const DECISION_KINDS = ['approve', 'amend', 'reject', 'fund', 'defer'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** Decisions that only make sense with an amount; reject and defer may carry one. */
export const DECISION_KINDS_NEEDING_AMOUNT = ['approve', 'amend', 'fund'] as const satisfies readonly DecisionKind[];

export const DECISION_SUBJECT_KINDS = ['budget-line', 'proposal', 'round'] as const;
export type DecisionSubjectKind = (typeof DECISION_SUBJECT_KINDS)[number];
