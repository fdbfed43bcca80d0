/** What a forum can be attached to other than its municipality (at most one forum each). */
export const ATTACHABLE_KINDS = ['round', 'dialogue-group', 'consultation'] as const;

/** What a forum belongs to: the municipality itself, or one attachable thing. */
export const FORUM_ATTACHMENTS = ['municipality', ...ATTACHABLE_KINDS] as const;
export type ForumAttachment = (typeof FORUM_ATTACHMENTS)[number];
