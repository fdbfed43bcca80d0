import { z } from 'zod';
import type { Proposal, ProposalStatus, Round, RoundPhase, RoundResult } from './rounds';
import type { BudgetLine } from './budget-lines';
import type { DecisionLogCheckpoint, DecisionLogEntry } from './decisions';
import type { ForumPost, ForumThread, ReportReason } from './forums';
import type { Commitment, Meeting } from './dialogue-groups';

/**
 * The event catalogue: every event a room can carry, with its payload. Server and clients share these
 * types; payloads are the same public shapes as the REST responses.
 */
export interface EventCatalogue {
  /** room `round:<id>` */
  'round.phase-changed': { round: Round; from: RoundPhase; to: RoundPhase };
  /** room `round:<id>` */
  'round.result-published': { roundDocumentId: string; result: RoundResult };
  /** rooms `proposal:<id>` and `round:<roundId>` */
  'proposal.status-changed': { proposal: Pick<Proposal, 'documentId' | 'roundDocumentId' | 'title' | 'status'>; from: ProposalStatus | null; to: ProposalStatus };
  /** room `round:<id>`, only for rounds that show running totals; at most one per second per round */
  'round.running-totals': { roundDocumentId: string; totals: Record<string, number> };
  /** room `municipality:<CODE>:decisions` */
  'decision.published': { entry: DecisionLogEntry; checkpoint: DecisionLogCheckpoint };
  /** room `municipality:<CODE>:budget` */
  'budget-line.changed': { municipalityCode: string; change: 'created' | 'updated' | 'deleted' | 'imported'; budgetLine?: BudgetLine; imported?: { created: number; updated: number } };
  /** room `thread:<id>` */
  'forum.post-created': { thread: ForumThread; post: ForumPost };
  /** room `thread:<id>`: hidden (by reports or a moderator) or restored */
  'forum.post-moderated': { post: ForumPost };
  /** room `thread:<id>`: locked, unlocked, pinned or unpinned */
  'forum.thread-changed': { thread: ForumThread };
  /** room `user:<id>` of each person mentioned as @username */
  'forum.mentioned': { thread: ForumThread; post: ForumPost };
  /** room `user:<id>` of each follower of the thread (not the author, not those mentioned) */
  'forum.followed-thread-posted': { thread: ForumThread; post: ForumPost };
  /** room `moderation:<CODE>`: the municipality's moderators */
  'forum.post-reported': { postDocumentId: string; threadDocumentId: string; reason: ReportReason; autoHidden: boolean };
  /** room `dialogue-group:<id>`: a meeting scheduled, moved or cancelled */
  'meeting.scheduled': { meeting: Meeting };
  /** room `dialogue-group:<id>`: minutes out, with the commitments and recommendations they record */
  'meeting.minutes-published': { meeting: Meeting; commitments: Commitment[] };
  /** room `dialogue-group:<id>`: a commitment's status changed, or a recommendation became a proposal */
  'commitment.status-changed': { commitment: Commitment };
  /** room `user:<id>`: a new notification for the person (broadcast after its commit, not kept for catch-up: sequence 0) */
  'notification.created': { kind: string };
}

export type EventType = keyof EventCatalogue;

/** Every event type, for schemas; the compiler checks it lists the catalogue exactly. */
export const EVENT_TYPES = [
  'round.phase-changed',
  'round.result-published',
  'proposal.status-changed',
  'round.running-totals',
  'decision.published',
  'budget-line.changed',
  'forum.post-created',
  'forum.post-moderated',
  'forum.thread-changed',
  'forum.mentioned',
  'forum.followed-thread-posted',
  'forum.post-reported',
  'meeting.scheduled',
  'meeting.minutes-published',
  'commitment.status-changed',
  'notification.created',
] as const satisfies readonly EventType[];
type Unlisted = Exclude<EventType, (typeof EVENT_TYPES)[number]>;
const everyEventTypeListed: Unlisted extends never ? true : Unlisted = true;
void everyEventTypeListed;

/** What a socket receives (event name = `type`) and what the catch-up endpoint lists. */
export interface RoomEvent<T extends EventType = EventType> {
  room: string;
  sequence: number;
  type: T;
  payload: EventCatalogue[T];
  emittedAt: string;
}

/** Client → server messages. */
export interface ClientMessages {
  join: { room: string };
  leave: { room: string };
}

/** Server → client error event. */
export interface RealtimeError {
  code: 'forbidden-room' | 'too-many-rooms' | 'bad-message' | 'unknown-event';
  message: string;
}

export namespace RoomEventsAfter {
  export interface Query {
    after?: number;
    limit?: number;
  }
  export type Response = { data: RoomEvent[]; meta: { room: string; lastSequence: number } };
}

/** The catch-up answer; payloads are the REST shapes named in the catalogue. */
export const roomEventsSchema = z.strictObject({
  data: z.array(
    z.strictObject({ room: z.string(), sequence: z.number().int().min(1), type: z.enum(EVENT_TYPES), payload: z.unknown(), emittedAt: z.string() })
  ),
  meta: z.strictObject({ room: z.string(), lastSequence: z.number().int().min(0) }),
});
