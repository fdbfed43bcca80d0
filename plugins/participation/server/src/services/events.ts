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
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const tables = () => realtimeTables(strapi);

  const nextSequence = async (trx: typeof strapi.db.connection, room: string): Promise<number> => {
    const now = new Date();
    const [row] = await trx(tables().rooms)
      .insert({ ...newDocumentColumns(now), room, last_sequence: 1 })
      .onConflict(['room'])
      .merge({ last_sequence: knex().raw('?? + 1', [`${tables().rooms}.last_sequence`]), updated_at: now })
      .returning(['last_sequence']);
    return Number(row.last_sequence);
  };

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
      const emittedAt = new Date();
      const sequence = await nextSequence(trx, room);
      await trx(tables().events).insert({
        ...newDocumentColumns(emittedAt),
        room,
        sequence,
        event_type: type,
        payload: JSON.stringify(payload),
        emitted_at: emittedAt,
      });
      const event = { room, sequence, type, payload, emittedAt: emittedAt.toISOString() };
      // The notifications the event causes are queued with it, in the same transaction.
      await getService(strapi, 'notifications').fromEvent(trx, event);
      return event;
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
