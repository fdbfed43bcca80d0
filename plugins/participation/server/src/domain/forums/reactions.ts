/** The reactions a member may leave on a post; each post counts each kind. */
export const REACTION_KINDS = ['like', 'support', 'thanks'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];
