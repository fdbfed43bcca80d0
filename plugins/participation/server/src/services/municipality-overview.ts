import type { Core } from '@strapi/strapi';
import type { MunicipalityOverview } from '../../../shared/contracts';
import { UID } from '../constants/uids';
import { ballotSetIsPublic } from '../domain/rounds/ballot-publicity';
import type { RoundPhase } from '../domain/rounds/phases';
import { getService } from '../utils/get-service';

/** How many closed rounds, meetings and consultations the overview shows statistics for (the most recent of each). */
const RECENT_POPULATIONS = 5;
const DAY_MS = 24 * 60 * 60 * 1000;

const tally = <Row>(rows: Row[], key: (row: Row) => string) =>
  rows.reduce<Record<string, number>>((counts, row) => ({ ...counts, [key(row)]: (counts[key(row)] ?? 0) + 1 }), {});

/**
 * One municipality at a glance for the administrator: counts read through the query engine and the
 * owning services (turnout from the ballot service, never a ballot; decisions from the log; statistics
 * from their publications, with every cell below k suppressed exactly as the public API publishes it).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const query = (uid: string) => strapi.db.query(uid as never);

  return {
    async forMunicipality(code: string, now = new Date()): Promise<MunicipalityOverview> {
      const municipality = await getService(strapi, 'municipality').getByCode(code);
      const where = { municipalityCode: code };

      const rounds: Array<{ documentId: string; title: string; fiscalYear: number; phase: string }> = await query(UID.round).findMany({
        where,
        select: ['documentId', 'title', 'fiscalYear', 'phase'],
        orderBy: [{ fiscalYear: 'desc' }, { id: 'desc' }],
      });
      const roundsWithTurnout = await Promise.all(
        rounds.map(async (round) => {
          const { meta } = await getService(strapi, 'ballot').participation(round.documentId, { page: 1, pageSize: 1 });
          return { ...round, turnout: { total: meta.pagination.total, byChannel: meta.byChannel } };
        })
      );

      const proposals: Array<{ proposalStatus: string }> = await query(UID.proposal).findMany({ where, select: ['proposalStatus'] });

      const since = new Date(now.getTime() - 30 * DAY_MS).toISOString();
      const [forums, threads, posts, postsLast30Days, awaitingReview, hidden] = await Promise.all([
        query(UID.forum).count({ where }),
        query(UID.forumThread).count({ where }),
        query(UID.forumPost).count({ where }),
        query(UID.forumPost).count({ where: { ...where, createdAt: { $gte: since } } }),
        query(UID.forumPost).count({ where: { ...where, visibility: 'pending-review' } }),
        query(UID.forumPost).count({ where: { ...where, visibility: 'hidden' } }),
      ]);

      const openConsultations: Array<{ documentId: string; topic: string; closesAt: string | null }> = await query(UID.consultation).findMany({
        where: { ...where, status: 'open' },
        select: ['documentId', 'topic', 'closesAt'],
        orderBy: { closesAt: 'asc' },
      });
      const upcomingMeetings: Array<{ documentId: string; title: string; startsAt: string }> = await query(UID.meeting).findMany({
        where: { ...where, status: 'scheduled', startsAt: { $gte: now.toISOString() } },
        select: ['documentId', 'title', 'startsAt'],
        orderBy: { startsAt: 'asc' },
      });

      const decisions = await getService(strapi, 'decision-log').find(code, { page: 1, pageSize: 1, sort: '-sequence' });
      const budgetYears = await getService(strapi, 'budget-line').fiscalYears(code);

      const statistics = getService(strapi, 'statistics');
      const heldMeetings: Array<{ documentId: string; title: string }> = await query(UID.meeting).findMany({
        where: { ...where, status: 'held' },
        select: ['documentId', 'title'],
        orderBy: { startsAt: 'desc' },
        limit: RECENT_POPULATIONS,
      });
      const summarised: Array<{ documentId: string; topic: string }> = await query(UID.consultation).findMany({
        where: { ...where, status: 'summarised' },
        select: ['documentId', 'topic'],
        orderBy: { summaryPublishedAt: 'desc' },
        limit: RECENT_POPULATIONS,
      });
      // Voting closed: the rounds' voters as the reports service publishes them (portal round page, open data).
      const closedRounds = rounds.filter((round) => ballotSetIsPublic(round.phase as RoundPhase)).slice(0, RECENT_POPULATIONS);
      const roundVoters = (
        await Promise.all(
          closedRounds.map(async (round) =>
            (await getService(strapi, 'reports').roundParticipation(round.documentId, {})).districts.map(({ districtCode, voters }) => ({
              kind: 'round' as const,
              documentId: round.documentId,
              title: round.title,
              districtCode,
              ...voters.statistics,
            }))
          )
        )
      ).flat();
      const published = [
        ...roundVoters,
        ...(await Promise.all(
          heldMeetings.map(async (meeting) => ({ kind: 'meeting' as const, documentId: meeting.documentId, title: meeting.title, ...(await statistics.forMeeting(meeting.documentId, {})) }))
        )),
        ...(await Promise.all(
          summarised.map(async (consultation) => ({
            kind: 'consultation' as const,
            documentId: consultation.documentId,
            title: consultation.topic,
            ...(await statistics.forConsultation(consultation.documentId, {})),
          }))
        )),
      ];

      return {
        municipality,
        rounds: { byPhase: tally(rounds, (round) => round.phase), list: roundsWithTurnout },
        proposals: { total: proposals.length, byStatus: tally(proposals, (proposal) => proposal.proposalStatus) },
        forums: { forums, threads, posts, postsLast30Days, awaitingReview, hidden },
        consultations: { open: openConsultations.map(({ documentId, topic, closesAt }) => ({ documentId, topic, closesAt: closesAt ? new Date(closesAt).toISOString() : null })) },
        meetings: { upcoming: upcomingMeetings.map(({ documentId, title, startsAt }) => ({ documentId, title, startsAt: new Date(startsAt).toISOString() })) },
        decisions: { published: decisions.meta.pagination.total, lastPublishedAt: decisions.data[0]?.publishedAt ?? null },
        budgetYears,
        statistics: published.map(({ kind, documentId, title, k, total, breakdowns, ...rest }) => ({
          kind,
          documentId,
          title,
          ...('districtCode' in rest ? { districtCode: rest.districtCode } : {}),
          k,
          total,
          breakdowns,
        })),
      };
    },
  };
};
