import type { Knex } from 'knex';
import { addBallotProposalGuards } from '../guards';

/**
 * The ballot-proposal guards refuse a proposal joining the ballot of a round whose voting opened, rather
 * than every ballot status outside an open round (a proposal of no round is on no count's ballot).
 */
export async function up(knex: Knex) {
  await addBallotProposalGuards(knex);
}
