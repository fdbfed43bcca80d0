import type { Knex } from 'knex';
import { addCheckConstraint, addUniqueIndex } from '../constraints';

/** One implementation record per proposal, whatever the concurrency; no impossible progress or spending. */
export async function up(knex: Knex) {
  await addUniqueIndex(knex, 'participation_project_implementations_proposal_uq', 'participation_project_implementations', ['proposal_document_id']);
  await addCheckConstraint(
    knex,
    'participation_project_implementations_ck',
    'participation_project_implementations',
    (c) => `${c('progress_percent')} BETWEEN 0 AND 100 AND ${c('spent_minor')} >= 0`
  );
}
