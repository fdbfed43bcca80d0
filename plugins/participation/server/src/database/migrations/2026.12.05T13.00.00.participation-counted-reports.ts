import type { Knex } from 'knex';
import { addCheckConstraint, addRowGuard } from '../constraints';

/**
 * Reports that count towards auto-hide (from established members) are a subset of all reports, and an
 * author's report of their own post is refused whoever writes it. See docs/community.md (Moderation).
 */
export async function up(knex: Knex) {
  // Posts written before the column existed: whose reports they had is not known, so none count.
  await knex('participation_forum_posts').whereNull('counted_report_count').update({ counted_report_count: 0 });
  await addCheckConstraint(
    knex,
    'participation_forum_posts_counted_reports_ck',
    'participation_forum_posts',
    (c) => `${c('counted_report_count')} >= 0 AND ${c('counted_report_count')} <= ${c('report_count')}`
  );
  await addRowGuard(knex, 'participation_post_reports_not_own', 'participation_post_reports', {
    on: ['INSERT', 'UPDATE'],
    condition: ({ row }) =>
      `NOT EXISTS (SELECT 1 FROM participation_forum_posts WHERE document_id = ${row('post_document_id')} AND author_id = ${row('reporter_id')})`,
    explanation: 'an author cannot report their own post',
  });
}
