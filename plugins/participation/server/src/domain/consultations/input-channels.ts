/** How a consultation input reached the municipality: online by the person, or entered by a facilitator. */
export const OFFLINE_INPUT_CHANNELS = ['paper', 'focus-group', 'meeting', 'phone'] as const;
export type OfflineInputChannel = (typeof OFFLINE_INPUT_CHANNELS)[number];

export const INPUT_CHANNELS = ['online', ...OFFLINE_INPUT_CHANNELS] as const;
export type InputChannel = (typeof INPUT_CHANNELS)[number];
