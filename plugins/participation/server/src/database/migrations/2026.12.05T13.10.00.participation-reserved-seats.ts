import type { Knex } from 'knex';
import { addReservedSeatGuards } from '../guards';

/** A reserved seat in a dialogue group never holds more current members than it has. See docs/community.md. */
export async function up(knex: Knex) {
  await addReservedSeatGuards(knex);
}
