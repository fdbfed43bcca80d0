/** How input reached a consultation: online by the person, or entered by a facilitator from the others. */
export const INPUT_CHANNELS = ['online', 'paper', 'focus-group', 'meeting', 'phone'] as const;
export type InputChannel = (typeof INPUT_CHANNELS)[number];

export const OFFLINE_CHANNELS = ['paper', 'focus-group', 'meeting', 'phone'] as const satisfies readonly InputChannel[];
export type OfflineChannel = (typeof OFFLINE_CHANNELS)[number];
