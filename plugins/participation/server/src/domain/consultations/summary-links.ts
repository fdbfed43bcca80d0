/** The most proposals, and the most commitments, a consultation's summary may name as what it led to. */
export const SUMMARY_LINKS_MAX = 100;
