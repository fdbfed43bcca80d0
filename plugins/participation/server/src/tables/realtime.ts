import type { Core } from '@strapi/strapi';
import type { EventType } from '../../../shared/contracts';
import { UID } from '../constants/uids';
import type { StoredBigInt, StoredTime } from './column-values';
import { tableOf } from './metadata';

/** The real-time events' tables, owned by services/events.ts: each room's sequence counter and the events kept for catch-up. */
export const realtimeTables = (strapi: Core.Strapi) => ({
  rooms: tableOf(strapi, UID.realtimeRoom),
  events: tableOf(strapi, UID.realtimeEvent),
});

/** A stored event as knex reads it. */
export interface RealtimeEventRow {
  room: string;
  sequence: StoredBigInt;
  event_type: EventType;
  payload: unknown;
  emitted_at: StoredTime;
}
