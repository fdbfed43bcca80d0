/** A post is shown, held until a moderator looks at it, or hidden. */
export const POST_VISIBILITIES = ['visible', 'pending-review', 'hidden'] as const;
export type PostVisibility = (typeof POST_VISIBILITIES)[number];
