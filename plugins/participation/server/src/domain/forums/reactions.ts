/** How a signed-in person can react to a post; each post shows a count of each. */
export const REACTION_KINDS = ['like', 'support', 'thanks'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];
