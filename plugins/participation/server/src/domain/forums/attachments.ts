/** What a forum belongs to: its municipality alone, or one round, dialogue group or consultation in it. */
export const ATTACHABLE_KINDS = ['round', 'dialogue-group', 'consultation'] as const;
export type AttachableKind = (typeof ATTACHABLE_KINDS)[number];

export const FORUM_ATTACHMENTS = ['municipality', ...ATTACHABLE_KINDS] as const;
export type ForumAttachment = (typeof FORUM_ATTACHMENTS)[number];
