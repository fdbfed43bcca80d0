import type { Core } from '@strapi/strapi';
import type { EventCatalogue, EventType, RoomEvent } from '../../../shared/contracts';
import { newDocumentColumns } from '../utils/document-row';
import { readJson } from '../utils/json-column';
import { realtimeTables, type RealtimeEventRow } from '../tables/realtime';
import { getService } from '../utils/get-service';

/**
 * The one place the plugin emits real-time events. Call `publish` after the change is committed, or
 * `stage` inside the change's own transaction and `broadcast` after its commit. An event is numbered
 * within its room (a counter row updated atomically, so instances never hand out the same number),
 * stored for catch-up, then broadcast through socket.io (and its adapter to the other instances).
 */
/** Rows a statement: well under SQLite's and PostgreSQL's limits on parameters (seven a room counter). */
const ROOMS_PER_STATEMENT = 1000;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const tables = () => realtimeTables(strapi);

  /** Coalescing: at most one publish per key and interval; the latest state is read when it fires. */
  const pending = new Map<string, NodeJS.Timeout>();

  return {
    /**
     * Schedules `produce` to be published once `intervalMs` after the first request for `key`; requests
     * in between fold into that one. Used for running vote totals, which change with every ballot.
     */
    publishCoalesced(key: string, intervalMs: number, produce: () => Promise<void>) {
      if (pending.has(key)) return;
      const timer = setTimeout(() => {
        pending.delete(key);
        produce().catch((error) => strapi.log.error(`participation: coalesced event ${key} failed: ${error}`));
      }, intervalMs);
      timer.unref();
      pending.set(key, timer);
    },

    /** Drops scheduled coalesced events (the app is stopping). */
    cancelPending() {
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    },

    /**
     * Stores an event inside the caller's transaction, so that it is written with the change it
     * announces or not at all; broadcast it once that transaction has committed.
     */
    async stage<T extends EventType>(trx: typeof strapi.db.connection, type: T, room: string, payload: EventCatalogue[T]): Promise<RoomEvent<T>> {
      const [event] = await this.stageMany(trx, [{ type, room, payload }]);
      return event as RoomEvent<T>;
    },

    /**
     * `stage` for many rooms at once (a post announced to each of a thousand followers' rooms): the rooms'
     * counters moved in one statement and the events stored in another, a thousand rooms at a time, rather
     * than two statements an event. Each room at most once; counters are locked in the order given.
     */
    async stageMany(trx: typeof strapi.db.connection, announcements: Array<{ type: EventType; room: string; payload: EventCatalogue[EventType] }>): Promise<RoomEvent[]> {
      if (new Set(announcements.map(({ room }) => room)).size !== announcements.length) throw new Error('stageMany: a room is announced to twice');
      const emittedAt = new Date();
      const staged: RoomEvent[] = [];
      for (let start = 0; start < announcements.length; start += ROOMS_PER_STATEMENT) {
        const slice = announcements.slice(start, start + ROOMS_PER_STATEMENT);
        const counters: Array<{ room: string; last_sequence: number | string }> = await trx(tables().rooms)
          .insert(slice.map(({ room }) => ({ ...newDocumentColumns(emittedAt), room, last_sequence: 1 })))
          .onConflict(['room'])
          .merge({ last_sequence: knex().raw('?? + 1', [`${tables().rooms}.last_sequence`]), updated_at: emittedAt })
          .returning(['room', 'last_sequence']);
        const sequenceOf = new Map(counters.map((row) => [row.room, Number(row.last_sequence)]));
        const events = slice.map(({ type, room, payload }) => ({ room, sequence: sequenceOf.get(room)!, type, payload, emittedAt: emittedAt.toISOString() }));
        await trx(tables().events).insert(
          events.map((event) => ({
            ...newDocumentColumns(emittedAt),
            room: event.room,
            sequence: event.sequence,
            event_type: event.type,
            payload: JSON.stringify(event.payload),
            emitted_at: emittedAt,
          }))
        );
        staged.push(...events);
      }
      // The notifications the events cause are queued with them, in the same transaction.
      for (const event of staged) await getService(strapi, 'notifications').fromEvent(trx, event);
      return staged;
    },

    broadcast(event: RoomEvent) {
      getService(strapi, 'realtime').broadcast(event);
    },

    async publish<T extends EventType>(type: T, room: string, payload: EventCatalogue[T]): Promise<RoomEvent<T>> {
      const event = await strapi.db.connection.transaction((trx) => this.stage(trx, type, room, payload));
      this.broadcast(event);
      return event;
    },

    /** Several rooms, one event each (e.g. a proposal's own room and its round's). */
    async publishToRooms<T extends EventType>(type: T, rooms: string[], payload: EventCatalogue[T]) {
      for (const room of rooms) await this.publish(type, room, payload);
    },

    /** Catch-up after a reconnect: what the room emitted after sequence `after`, oldest first. */
    async eventsAfter(room: string, after: number, limit: number) {
      const [rows, counter] = await Promise.all([
        knex()(tables().events).where({ room }).andWhere('sequence', '>', after).orderBy('sequence', 'asc').limit(limit),
        knex()(tables().rooms).where({ room }).first('last_sequence'),
      ]);
      return {
        data: rows.map(
          (row: RealtimeEventRow): RoomEvent => ({
            room,
            sequence: Number(row.sequence),
            type: row.event_type,
            payload: readJson(row.payload),
            emittedAt: new Date(row.emitted_at).toISOString(),
          })
        ),
        meta: { room, lastSequence: Number(counter?.last_sequence ?? 0) },
      };
    },
  };
};
