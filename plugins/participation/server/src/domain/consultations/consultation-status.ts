/** draft → open → closed → summarised */
export const CONSULTATION_STATUSES = ['draft', 'open', 'closed', 'summarised'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

/** The moves a facilitator makes by name; summarising happens by publishing the summary. */
export const CONSULTATION_ACTIONS = ['open', 'close'] as const;
export type ConsultationAction = (typeof CONSULTATION_ACTIONS)[number];
