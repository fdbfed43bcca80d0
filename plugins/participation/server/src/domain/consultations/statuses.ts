/** draft → open → closed → summarised; questions change only in draft. */
export const CONSULTATION_STATUSES = ['draft', 'open', 'closed', 'summarised'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

/** The moves organisers make; the summary (which closes it for good) has its own route. */
export const CONSULTATION_ACTIONS = ['open', 'close'] as const;
export type ConsultationAction = (typeof CONSULTATION_ACTIONS)[number];
