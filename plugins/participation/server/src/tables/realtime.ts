import type { Core } from '@strapi/strapi';
import { UID } from '../constants/uids';
import { tableOf } from './metadata';

/** The real-time events' tables, owned by services/events.ts: each room's sequence counter and the events kept for catch-up. */
export const realtimeTables = (strapi: Core.Strapi) => ({
  rooms: tableOf(strapi, UID.realtimeRoom),
  events: tableOf(strapi, UID.realtimeEvent),
});
