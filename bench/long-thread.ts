import type { Core } from '@strapi/strapi';
import { newDocumentColumns } from '../plugins/participation/server/src/utils/document-row';
import { postFingerprint } from '../plugins/participation/server/src/domain/forums/post-body';
import { forumTables } from '../plugins/participation/server/src/tables/forum';

/**
 * A thread of `posts` posts in a forum of municipality BEN: its first post through the forum service, the
 * others straight into the table (a thousand a statement), numbered and dated as the service would.
 * `members` write the posts in turn; every seventh answers the post `replyGap` places before it.
 */
export const seedLongThread = async (
  strapi: Core.Strapi,
  { forumDocumentId, members, posts, replyGap, body }: { forumDocumentId: string; members: number[]; posts: number; replyGap: number; body: (position: number) => string }
) => {
  const knex = strapi.db.connection;
  const tables = forumTables(strapi);
  const forums = strapi.plugin('participation').service('forum');
  const thread = await forums.createThread(forumDocumentId, { title: 'A long thread', body: '<p>Opening post</p>' }, { id: members[0], username: 'bench0', address: 'setup' });
  const started = new Date(Date.now() - posts * 1000);
  for (let from = 2; from <= posts; from += 1000) {
    const rows = [];
    for (let position = from; position < Math.min(from + 1000, posts + 1); position += 1) {
      const text = body(position);
      rows.push({
        ...newDocumentColumns(new Date(started.getTime() + position * 1000)),
        thread_document_id: thread.documentId,
        forum_document_id: forumDocumentId,
        municipality_code: 'BEN',
        position,
        reply_to_position: position % 7 === 0 ? position - replyGap : null,
        author_id: members[position % members.length],
        author_name: `bench${position % members.length}`,
        body: text,
        body_fingerprint: postFingerprint(text),
        visibility: 'visible',
        report_count: 0,
      });
    }
    await knex(tables.posts).insert(rows);
  }
  await knex(tables.threads).where({ document_id: thread.documentId }).update({ post_count: posts });
  await knex.raw(`ANALYZE ${tables.posts}`);
  return thread as { documentId: string };
};
