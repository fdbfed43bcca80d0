import type { Actor, Refusal } from './rules';

/**
 * Socket rooms and who may join them. Public rooms mirror public REST reads; private ones are a
 * person's own notifications and a municipality's moderation queue.
 */
const ROOM_PATTERNS = {
  municipality: /^municipality:([A-Z0-9][A-Z0-9-]{0,31}):(decisions|budget|rounds)$/,
  round: /^round:([a-z0-9]{1,64})$/,
  proposal: /^proposal:([a-z0-9]{1,64})$/,
  thread: /^thread:([a-z0-9]{1,64})$/,
  dialogueGroup: /^dialogue-group:([a-z0-9]{1,64})$/,
  user: /^user:(\d{1,12})$/,
  moderation: /^moderation:([A-Z0-9][A-Z0-9-]{0,31})$/,
} as const;

export type RoomDecision = { allowed: true } | ({ allowed: false } & Refusal);

const refuse = (refusedBy: Refusal['refusedBy'], reason: string): RoomDecision => ({
  allowed: false,
  status: refusedBy === 'sign-in' ? 401 : 403,
  refusedBy,
  reason,
});

/** A private room asks an anonymous caller to sign in first, as a private REST read does. */
const privateRoom = (actor: Actor | null, mayFollow: (actor: Actor) => boolean, reason: string): RoomDecision => {
  if (!actor) return refuse('sign-in', `sign in: ${reason}`);
  return mayFollow(actor) ? { allowed: true } : refuse('role', reason);
};

export const decideRoomAccess = (room: string, actor: Actor | null): RoomDecision => {
  if (typeof room !== 'string' || room.length > 120) return refuse('grant', 'not a room name');
  const user = ROOM_PATTERNS.user.exec(room);
  if (user) {
    return privateRoom(actor, ({ userId }) => userId === Number(user[1]), 'only its owner may follow a personal room');
  }
  const moderation = ROOM_PATTERNS.moderation.exec(room);
  if (moderation) {
    return privateRoom(
      actor,
      ({ role, municipalityCodes }) => role === 'moderator' && municipalityCodes.includes(moderation[1]),
      `only moderators of ${moderation[1]} may follow its moderation queue`
    );
  }
  const isPublic = [ROOM_PATTERNS.municipality, ROOM_PATTERNS.round, ROOM_PATTERNS.proposal, ROOM_PATTERNS.thread, ROOM_PATTERNS.dialogueGroup].some(
    (pattern) => pattern.test(room)
  );
  return isPublic ? { allowed: true } : refuse('grant', `unknown room "${room}"`);
};
