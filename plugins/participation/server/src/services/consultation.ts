import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Consultation, ConsultationInput, ConsultationQuestion, ConsultationSummary, InputChannel, OfflineInput, Paginated, RecordedInput, TargetGroup } from '../../../shared/contracts';
import { UID } from '../constants/uids';
import type { DemographicDeclaration } from '../domain/statistics/demographics';
import { SUMMARY_LINKS_MAX } from '../domain/consultations/summary-links';
import { publishBreakdown } from '../domain/statistics/disaggregate';
import { consentColumns } from '../domain/consent/recorded-consent';
import { conflict } from '../utils/conflict';
import { isUniqueViolation } from '../utils/database-errors';
import { fieldError } from '../utils/field-error';
import { readJson } from '../utils/json-column';
import type { PageRequest } from '../utils/pagination';
import { consultationTables, type ConsultationInputRow, type ConsultationRow, type InputCountRow } from '../tables/consultations';
import type { CommitmentRow } from '../tables/commitments';
import type { MeetingRow } from '../tables/dialogue-groups';
import type { ProposalRow } from '../tables/rounds';
import type { UpdateData } from '../utils/update-data';
import { getService } from '../utils/get-service';

const CHANNELS: InputChannel[] = ['online', 'paper', 'focus-group', 'meeting', 'phone'];
type Answers = Array<{ questionId: string; text: string }>;

const iso = (value: unknown) => new Date(value as string).toISOString();

/** Consultations run by CSO facilitators: questions, online and offline input, and a published summary. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const consultations = () => strapi.db.query(UID.consultation);
  const inputs = () => strapi.db.query(UID.consultationInput);
  const plugin = () => strapi.plugin('participation');

  const requireConsultation = async (documentId: string, municipalityCode?: string) => {
    const row = await consultations().findOne({ where: { documentId } });
    if (!row || (municipalityCode && row.municipalityCode !== municipalityCode)) {
      throw new errors.NotFoundError(`No consultation ${documentId}${municipalityCode ? ` in ${municipalityCode}` : ''}`);
    }
    return row;
  };

  const basics = (row: ConsultationRow) => ({
    documentId: row.documentId,
    municipalityCode: row.municipalityCode,
    topic: row.topic,
    description: row.description ?? null,
    questions: readJson<ConsultationQuestion[]>(row.questions, []),
    targetGroups: readJson<TargetGroup[]>(row.targetGroups, []),
    opensAt: iso(row.opensAt),
    closesAt: iso(row.closesAt),
    status: row.status,
    summary: (readJson(row.summary) as ConsultationSummary | null) ?? null,
    language: row.language ?? null,
  });

  const describe = async (row: ConsultationRow): Promise<Consultation> => {
    const [forums, meetings] = await Promise.all([
      getService(strapi, 'forum').listForums({ attachedKind: 'consultation', attachedTo: row.documentId, page: 1, pageSize: 100 }),
      strapi.db.query(UID.meeting).findMany({ where: { consultationDocumentId: row.documentId }, orderBy: { startsAt: 'asc' }, select: ['documentId', 'title', 'startsAt', 'status', 'language'] }),
    ]);
    return {
      ...basics(row),
      forums: forums.data,
      meetings: meetings.map((meeting: Pick<MeetingRow, 'documentId' | 'title' | 'startsAt' | 'status' | 'language'>) => ({ documentId: meeting.documentId, title: meeting.title, startsAt: iso(meeting.startsAt), status: meeting.status, language: meeting.language ?? null })),
    };
  };

  /** Answers must be to the consultation's own questions. */
  const checkAnswers = (row: ConsultationRow, answers: Answers) => {
    const ids = new Set(readJson<ConsultationQuestion[]>(row.questions, []).map((question) => question.id));
    answers.forEach((answer, index) => {
      if (!ids.has(answer.questionId)) throw fieldError(`data.answers.${index}.questionId`, `the consultation has no question "${answer.questionId}"`);
    });
  };

  const fields = (input: ConsultationInput) => ({
    topic: input.topic,
    description: input.description ?? null,
    questions: input.questions,
    targetGroups: input.targetGroups,
    opensAt: input.opensAt,
    closesAt: input.closesAt,
    language: input.language ?? null,
  });

  return {
    requireConsultation,

    async find({ municipality, ...page }: { municipality?: string } & PageRequest) {
      const where = municipality ? { municipalityCode: municipality } : {};
      const { results, pagination } = await consultations().findPage({ where, orderBy: { opensAt: 'desc' }, ...page });
      return { data: results.map(basics), meta: { pagination } };
    },

    async findOne(documentId: string) {
      return describe(await requireConsultation(documentId));
    },

    async create(municipalityCode: string, input: ConsultationInput, userId: number) {
      const created = await strapi.documents(UID.consultation).create({ data: { municipalityCode, ...fields(input), status: 'draft', createdByUserId: userId } });
      return describe(await requireConsultation(created.documentId));
    },

    /** Questions change only before anyone could answer them. */
    async update(municipalityCode: string, documentId: string, input: ConsultationInput) {
      const row = await requireConsultation(documentId, municipalityCode);
      if (row.status !== 'draft') throw conflict(`The consultation is ${row.status}: only a draft can change.`);
      await strapi.documents(UID.consultation).update({ documentId, data: fields(input) as UpdateData<typeof UID.consultation> });
      return describe(await requireConsultation(documentId));
    },

    async transition(municipalityCode: string, documentId: string, action: 'open' | 'close') {
      const row = await requireConsultation(documentId, municipalityCode);
      const from = action === 'open' ? 'draft' : 'open';
      if (row.status !== from) throw conflict(`Only a ${from} consultation can ${action}; this one is ${row.status}.`);
      await consultations().update({ where: { id: row.id }, data: { status: action === 'open' ? 'open' : 'closed' } });
      return describe(await requireConsultation(documentId));
    },

    /** One online input per person: answering again replaces the earlier answers. */
    async submitOnline(documentId: string, userId: number, answers: Answers) {
      const row = await requireConsultation(documentId);
      const now = Date.now();
      if (row.status !== 'open' || now < Date.parse(row.opensAt) || now > Date.parse(row.closesAt)) {
        throw conflict(`The consultation takes input while open, from ${iso(row.opensAt)} to ${iso(row.closesAt)}.`);
      }
      checkAnswers(row, answers);
      const existing = await inputs().findOne({ where: { consultationDocumentId: documentId, userId, channel: 'online' } });
      const data = { answers, consentRecordedAt: new Date(), consentMethod: 'online' };
      if (existing) await inputs().update({ where: { id: existing.id }, data });
      else await inputs().create({ data: { consultationDocumentId: documentId, channel: 'online', userId, ...data } });
      return { recorded: true as const, replaced: Boolean(existing) };
    },

    /** The person's own online answers, to change them; nobody else's (no API route returns answers with who gave them). */
    async ownOnlineAnswers(documentId: string, userId: number): Promise<Answers> {
      const input = await inputs().findOne({ where: { consultationDocumentId: documentId, userId, channel: 'online' }, select: ['answers'] });
      return input ? readJson<Answers>(input.answers, []) : [];
    },

    /** Paper forms, focus groups, meetings and phone calls, entered by a facilitator until the summary is out. */
    async submitOffline(municipalityCode: string, documentId: string, input: OfflineInput, facilitatorId: number) {
      const row = await requireConsultation(documentId, municipalityCode);
      if (row.status === 'draft' || row.status === 'summarised') throw conflict(`The consultation is ${row.status}: it takes no input now.`);
      checkAnswers(row, input.answers);
      const duplicate = () => conflict(`Offline reference "${input.offlineReference}" is already recorded for this consultation.`);
      if (await inputs().findOne({ where: { consultationDocumentId: documentId, offlineReference: input.offlineReference }, select: ['id'] })) throw duplicate();
      const created = await inputs().create({
        data: {
          consultationDocumentId: documentId,
          channel: input.channel,
          answers: input.answers,
          offlineReference: input.offlineReference,
          demographics: (input.demographics as DemographicDeclaration | undefined) ?? null,
          ...consentColumns(input.consent, new Date()),
          recordedById: facilitatorId,
        },
      }).catch((error: unknown) => {
        // The same form entered twice at once: the unique index decides.
        throw isUniqueViolation(error) ? duplicate() : error;
      });
      return { documentId: created.documentId, channel: input.channel };
    },

    async listInputs(municipalityCode: string, documentId: string, page: PageRequest): Promise<Paginated<RecordedInput>> {
      await requireConsultation(documentId, municipalityCode);
      const { results, pagination } = await inputs().findPage({ where: { consultationDocumentId: documentId }, orderBy: { id: 'asc' }, ...page });
      return {
        data: results.map((input: ConsultationInputRow) => ({ documentId: input.documentId, channel: input.channel, answers: readJson(input.answers) ?? [], recordedAt: iso(input.createdAt) })),
        meta: { pagination },
      };
    },

    /** How many inputs each channel brought so far, for its organisers (the published summary suppresses small counts). */
    async inputCounts(municipalityCode: string, documentId: string): Promise<Record<InputChannel, number>> {
      await requireConsultation(documentId, municipalityCode);
      const counts = (await strapi.db.connection(consultationTables(strapi).inputs).where({ consultation_document_id: documentId }).groupBy('channel').select('channel').count({ n: '*' })) as InputCountRow[];
      return Object.fromEntries(CHANNELS.map((channel) => [channel, Number(counts.find((row) => row.channel === channel)?.n ?? 0)])) as Record<InputChannel, number>;
    },

    /** Respondents' declarations for statistics: online ones from their profiles, offline ones as recorded. */
    async respondentDeclarations(documentId: string): Promise<{ onDate: string; rows: Array<{ userId: number | null; declaration: DemographicDeclaration | null }> }> {
      const row = await requireConsultation(documentId);
      const rows = await inputs().findMany({ where: { consultationDocumentId: documentId }, select: ['userId', 'demographics'] });
      return { onDate: iso(row.opensAt).slice(0, 10), rows: rows.map((input: Pick<ConsultationInputRow, 'userId' | 'demographics'>) => ({ userId: input.userId ?? null, declaration: readJson<DemographicDeclaration | null>(input.demographics) ?? null })) };
    },

    /**
     * What a summary may name as what the consultation led to: the municipality's proposals (not withdrawn)
     * and dialogue-group commitments recorded since it opened, newest first, as many as a summary takes.
     */
    async outcomeCandidates(municipalityCode: string, documentId: string): Promise<{
      proposals: Array<Pick<ProposalRow, 'documentId' | 'title' | 'language'>>;
      commitments: Array<Pick<CommitmentRow, 'documentId' | 'kind' | 'text'>>;
    }> {
      const row = await requireConsultation(documentId, municipalityCode);
      const since = { municipalityCode, createdAt: { $gte: row.opensAt } };
      const [proposals, commitments] = await Promise.all([
        strapi.db.query(UID.proposal).findMany({ where: { ...since, proposalStatus: { $ne: 'withdrawn' } }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], limit: SUMMARY_LINKS_MAX, select: ['documentId', 'title', 'language'] }),
        strapi.db.query(UID.commitment).findMany({ where: since, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], limit: SUMMARY_LINKS_MAX, select: ['documentId', 'kind', 'text'] }),
      ]);
      return { proposals, commitments };
    },

    /** Closes the consultation for good: counts, suppressed participation and what it led to, frozen. */
    async publishSummary(municipalityCode: string, documentId: string, input: { themes: ConsultationSummary['themes']; proposalDocumentIds: string[]; commitmentDocumentIds: string[] }) {
      const row = await requireConsultation(documentId, municipalityCode);
      if (row.status !== 'closed') throw conflict(`Close the consultation before publishing its summary; it is ${row.status}.`);
      const proposals = input.proposalDocumentIds.length
        ? await strapi.db.query(UID.proposal).findMany({ where: { documentId: { $in: input.proposalDocumentIds }, municipalityCode }, select: ['documentId', 'title'] })
        : [];
      const missingProposal = input.proposalDocumentIds.find((id) => !proposals.some((proposal: Pick<ProposalRow, 'documentId'>) => proposal.documentId === id));
      if (missingProposal) throw fieldError('data.proposalDocumentIds', `no proposal ${missingProposal} in ${municipalityCode}`);
      const commitments = input.commitmentDocumentIds.length
        ? await strapi.db.query(UID.commitment).findMany({ where: { documentId: { $in: input.commitmentDocumentIds }, municipalityCode }, select: ['documentId', 'text'] })
        : [];
      const missingCommitment = input.commitmentDocumentIds.find((id) => !commitments.some((commitment: Pick<CommitmentRow, 'documentId'>) => commitment.documentId === id));
      if (missingCommitment) throw fieldError('data.commitmentDocumentIds', `no commitment ${missingCommitment} in ${municipalityCode}`);

      const counts = await strapi.db.connection(consultationTables(strapi).inputs).where({ consultation_document_id: documentId }).groupBy('channel').select('channel').count({ n: '*' });
      // The inputs are the respondents (one online input per person, one per paper line): the same suppression as their statistics.
      const inputsByChannel = publishBreakdown(
        Object.fromEntries(CHANNELS.map((channel) => [channel, Number((counts as InputCountRow[]).find((row) => row.channel === channel)?.n ?? 0)])) as Record<InputChannel, number>,
        plugin().config('statistics.minimumCellSize') as number,
      );
      // The statistics close with the summary, which quotes them: the same tables every later answer reads.
      await strapi.db.transaction(async ({ trx }) => {
        const summary: ConsultationSummary = {
          publishedAt: new Date().toISOString(),
          inputsByChannel,
          participation: await getService(strapi, 'statistics').freezeConsultation(documentId, trx),
          themes: input.themes,
          proposals: proposals.map((proposal: Pick<ProposalRow, 'documentId' | 'title'>) => ({ documentId: proposal.documentId, title: proposal.title })),
          commitments: commitments.map((commitment: Pick<CommitmentRow, 'documentId' | 'text'>) => ({ documentId: commitment.documentId, text: commitment.text })),
        };
        await consultations().update({ where: { id: row.id }, data: { status: 'summarised', summary, summaryPublishedAt: new Date() } });
        await getService(strapi, 'notifications').consultationSummarised(trx, { documentId, title: row.topic, language: row.language ?? null, municipalityCode: row.municipalityCode });
      });
      return describe(await requireConsultation(documentId));
    },
  };
};
