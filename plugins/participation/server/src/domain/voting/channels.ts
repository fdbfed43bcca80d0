/** How a ballot was cast: online by the voter, or entered by a facilitator (assisted, or from a paper form). */
export const ASSISTED_CHANNELS = ['assisted', 'paper'] as const;
export type AssistedChannel = (typeof ASSISTED_CHANNELS)[number];

export const VOTING_CHANNELS = ['online', ...ASSISTED_CHANNELS] as const;
export type VotingChannel = (typeof VOTING_CHANNELS)[number];
