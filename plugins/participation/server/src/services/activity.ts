import type { Core } from '@strapi/strapi';
import { UID } from '../constants/uids';
import { forumTables } from '../tables/forum';
import { tableOf } from '../tables/metadata';
import { NOTIFICATION_TABLES } from '../tables/notifications';
import type { PortalLanguage } from '../../../portal/src/i18n/languages';

/** How many of each the activity page shows, newest first: enough to find one's way back. */
const SHOWN = 50;

/** Each item with the language it names (null: its municipality's), which the page marks its title with. */
type Titled = { documentId: string; title: string; language: PortalLanguage | null; municipalityCode: string };
type TitledRow = { document_id: string; title: string; language: PortalLanguage | null; municipality_code: string };

/**
 * A person's own activity, for their activity page: proposals, the rounds they voted in, posts, what
 * they follow, meeting registrations and consultation answers. Read-only; each row links to its page.
 * Ballots are listed by round only: receipts are shown once, when the ballot is cast, and the ballot is
 * stored apart from its voter (docs/rounds.md), so the page links to the round's receipt check instead.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const table = (uid: string) => tableOf(strapi, uid);

  return {
    async of(userId: number) {
      const [proposals, votes, posts, threadFollows, roundFollows, registrations, answers] = await Promise.all([
        knex()(table(UID.proposal)).where({ author_id: userId }).orderBy('id', 'desc').limit(SHOWN).select('document_id', 'title', 'language', 'municipality_code', 'proposal_status'),
        knex()(`${table(UID.roundParticipation)} as p`)
          .join(`${table(UID.round)} as r`, 'r.document_id', 'p.round_document_id')
          .where('p.voter_id', userId)
          .orderBy('p.last_cast_at', 'desc')
          .limit(SHOWN)
          .select('r.document_id', 'r.title', 'r.language', 'r.municipality_code', 'p.last_cast_at'),
        knex()(`${forumTables(strapi).posts} as p`)
          .join(`${forumTables(strapi).threads} as t`, 't.document_id', 'p.thread_document_id')
          .where('p.author_id', userId)
          .orderBy('p.id', 'desc')
          .limit(SHOWN)
          .select('t.document_id', 't.title', 't.language', 't.municipality_code', 'p.position', 'p.created_at'),
        knex()(`${forumTables(strapi).follows} as f`)
          .join(`${forumTables(strapi).threads} as t`, 't.document_id', 'f.thread_document_id')
          .where('f.user_id', userId)
          .limit(SHOWN)
          .select('t.document_id', 't.title', 't.language', 't.municipality_code'),
        knex()(`${NOTIFICATION_TABLES.roundFollows} as f`)
          .join(`${table(UID.round)} as r`, 'r.document_id', 'f.round_document_id')
          .where('f.user_id', userId)
          .limit(SHOWN)
          .select('r.document_id', 'r.title', 'r.language', 'r.municipality_code'),
        knex()(`${table(UID.meetingRegistration)} as g`)
          .join(`${table(UID.meeting)} as m`, 'm.document_id', 'g.meeting_document_id')
          .where('g.user_id', userId)
          .orderBy('m.starts_at', 'desc')
          .limit(SHOWN)
          .select('m.document_id', 'm.title', 'm.language', 'm.municipality_code', 'm.starts_at'),
        knex()(`${table(UID.consultationInput)} as i`)
          .join(`${table(UID.consultation)} as c`, 'c.document_id', 'i.consultation_document_id')
          .where('i.user_id', userId)
          .orderBy('i.id', 'desc')
          .limit(SHOWN)
          .select('c.document_id', 'c.topic as title', 'c.language', 'c.municipality_code'),
      ]);
      const titled = (row: TitledRow): Titled => ({ documentId: row.document_id, title: row.title, language: row.language ?? null, municipalityCode: row.municipality_code });
      return {
        proposals: proposals.map((row: TitledRow & { proposal_status: string }) => ({ ...titled(row), status: row.proposal_status })),
        votes: votes.map((row: TitledRow & { last_cast_at: string | Date }) => ({ ...titled(row), castAt: new Date(row.last_cast_at) })),
        posts: posts.map((row: TitledRow & { position: number; created_at: string | Date }) => ({ ...titled(row), position: Number(row.position), createdAt: new Date(row.created_at) })),
        follows: { threads: threadFollows.map(titled), rounds: roundFollows.map(titled) },
        registrations: registrations.map((row: TitledRow & { starts_at: string | Date }) => ({ ...titled(row), startsAt: new Date(row.starts_at) })),
        answers: answers.map(titled),
      };
    },
  };
};
