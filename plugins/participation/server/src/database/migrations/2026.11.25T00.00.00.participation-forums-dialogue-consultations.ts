import type { Knex } from 'knex';
import { addCheckConstraint, addUniqueIndex, makeAppendOnly } from '../constraints';

/**
 * Forums, dialogue groups and consultations: one of each thing per person where it must be one
 * (reaction, follow, report, registration, attendance, online input), gap-free post positions so that
 * any page of a thread is a range read, and an append-only moderation log.
 */
export async function up(knex: Knex) {
  await addUniqueIndex(knex, 'participation_forums_attached_uq', 'participation_forums', ['attached_kind', 'attached_document_id'], 'attached_document_id IS NOT NULL');
  await knex.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (??, ??, ??)', [
    'participation_forum_threads_listing_idx', 'participation_forum_threads', 'forum_document_id', 'pinned', 'last_post_at',
  ]);
  await addUniqueIndex(knex, 'participation_forum_posts_position_uq', 'participation_forum_posts', ['thread_document_id', 'position']);
  await knex.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (??, ??)', ['participation_forum_posts_author_idx', 'participation_forum_posts', 'author_id', 'body_fingerprint']);
  await addCheckConstraint(knex, 'participation_forum_posts_position_ck', 'participation_forum_posts', (c) => `${c('position')} >= 1 AND ${c('report_count')} >= 0`);
  await addUniqueIndex(knex, 'participation_forum_reactions_uq', 'participation_forum_reactions', ['post_document_id', 'user_id', 'kind']);
  await addUniqueIndex(knex, 'participation_thread_follows_uq', 'participation_thread_follows', ['thread_document_id', 'user_id']);
  await addUniqueIndex(knex, 'participation_post_reports_uq', 'participation_post_reports', ['post_document_id', 'reporter_id']);
  await makeAppendOnly(knex, 'participation_moderation_actions_append_only', 'participation_moderation_actions');
  await addUniqueIndex(knex, 'participation_meeting_registrations_uq', 'participation_meeting_registrations', ['meeting_document_id', 'user_id']);
  await addUniqueIndex(knex, 'participation_meeting_attendances_user_uq', 'participation_meeting_attendances', ['meeting_document_id', 'user_id'], 'user_id IS NOT NULL');
  await addUniqueIndex(knex, 'participation_consultation_inputs_user_uq', 'participation_consultation_inputs', ['consultation_document_id', 'user_id'], "user_id IS NOT NULL AND channel = 'online'");
}
