import type { Knex } from 'knex';
import { addUniqueIndex } from '../constraints';

/**
 * One counter per room and gap-free, unique sequence numbers within it; on PostgreSQL also the table
 * that @socket.io/postgres-adapter uses for payloads too large for NOTIFY.
 */
export async function up(knex: Knex) {
  await addUniqueIndex(knex, 'participation_realtime_rooms_room_uq', 'participation_realtime_rooms', ['room']);
  await addUniqueIndex(knex, 'participation_realtime_events_room_sequence_uq', 'participation_realtime_events', ['room', 'sequence']);
  if (String(knex.client.config.client).startsWith('p')) {
    await knex.raw(
      'CREATE TABLE IF NOT EXISTS socket_io_attachments (id bigserial UNIQUE, created_at timestamptz DEFAULT NOW(), payload bytea)'
    );
  }
}
