import { randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Commitment, CommitmentStatus, MinutesInput } from '../../../shared/contracts';
import { UID } from '../constants/uids';
import type { ProposalInput } from '../domain/proposals/proposal-input';
import { conflict } from '../utils/conflict';
import { fieldError } from '../utils/field-error';
import type { PageRequest } from '../utils/pagination';
import { commitmentTables, type CommitmentRow, type CommitmentStatusChangeRow } from '../tables/commitments';
import { getService } from '../utils/get-service';

type History = Commitment['history'];

const toCommitment = (row: CommitmentRow, history: History): Commitment => ({
  documentId: row.documentId,
  groupDocumentId: row.groupDocumentId,
  meetingDocumentId: row.meetingDocumentId,
  municipalityCode: row.municipalityCode,
  kind: row.kind,
  text: row.text,
  owner: row.owner,
  dueDate: row.dueDate ?? null,
  status: row.status,
  statusNote: row.statusNote ?? null,
  // A claim in progress (see toProposal) is not a link yet.
  proposalDocumentId: row.proposalDocumentId && !String(row.proposalDocumentId).startsWith('pending-') ? row.proposalDocumentId : null,
  history,
});

/** The public commitments register of dialogue groups, and recommendations turned into proposals. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const commitments = () => strapi.db.query(UID.commitment);

  const requireCommitment = async (documentId: string, municipalityCode: string) => {
    const row: CommitmentRow | null = await commitments().findOne({ where: { documentId } });
    if (!row || row.municipalityCode !== municipalityCode) throw new errors.NotFoundError(`No commitment ${documentId} in ${municipalityCode}`);
    return row;
  };

  const changes = () => strapi.db.query(UID.commitmentStatusChange);

  /** A step of the public history; inside the caller's transaction when there is one. */
  const recordChange = (commitmentDocumentId: string, from: CommitmentStatus | null, to: CommitmentStatus, note: string | null) =>
    changes().create({ data: { commitmentDocumentId, fromStatus: from, toStatus: to, note, changedAt: new Date() } });

  /** Commitments with their histories, read in one query for the whole list. */
  const withHistories = async (rows: CommitmentRow[]): Promise<Commitment[]> => {
    const steps: CommitmentStatusChangeRow[] = rows.length
      ? await changes().findMany({ where: { commitmentDocumentId: { $in: rows.map((row) => row.documentId) } }, orderBy: [{ changedAt: 'asc' }, { id: 'asc' }] })
      : [];
    return rows.map((row) =>
      toCommitment(
        row,
        steps
          .filter((step) => step.commitmentDocumentId === row.documentId)
          .map((step) => ({ from: step.fromStatus ?? null, to: step.toStatus, at: new Date(step.changedAt).toISOString(), note: step.note ?? null }))
      )
    );
  };
  const withHistory = async (row: CommitmentRow) => (await withHistories([row]))[0];

  const announce = (commitment: Commitment) =>
    getService(strapi, 'events').publish('commitment.status-changed', `dialogue-group:${commitment.groupDocumentId}`, { commitment });

  return {
    withHistories,

    /** The commitments a meeting's minutes recorded, in the order recorded. */
    async ofMeeting(meetingDocumentId: string): Promise<Commitment[]> {
      return withHistories(await commitments().findMany({ where: { meetingDocumentId }, orderBy: { id: 'asc' } }));
    },

    /**
     * Records the commitments of a dialogue group meeting's minutes, open; inside the caller's transaction
     * when there is one (the minutes and their commitments are published together).
     */
    async recordFromMinutes(meeting: { documentId: string; groupDocumentId: string; municipalityCode: string }, items: NonNullable<MinutesInput['commitments']>): Promise<Commitment[]> {
      const created: Commitment[] = [];
      for (const item of items) {
        const row = await commitments().create({
          data: {
            groupDocumentId: meeting.groupDocumentId,
            meetingDocumentId: meeting.documentId,
            municipalityCode: meeting.municipalityCode,
            kind: item.kind,
            text: item.text,
            owner: item.owner,
            dueDate: item.dueDate ?? null,
            status: 'open',
          },
        });
        await recordChange(row.documentId, null, 'open', null);
        created.push(await withHistory(row));
      }
      return created;
    },

    /** One commitment of the municipality, with its history (404 for another municipality's). */
    async findOne(municipalityCode: string, documentId: string): Promise<Commitment> {
      return withHistory(await requireCommitment(documentId, municipalityCode));
    },

    async find(groupDocumentId: string, { status, ...page }: { status?: CommitmentStatus } & PageRequest) {
      await getService(strapi, 'dialogue-group').requireGroup(groupDocumentId);
      const where = { groupDocumentId, ...(status ? { status } : {}) };
      const { results, pagination } = await commitments().findPage({ where, orderBy: { id: 'asc' }, ...page });
      return { data: await withHistories(results), meta: { pagination } };
    },

    async updateStatus(municipalityCode: string, documentId: string, input: { status: CommitmentStatus; statusNote?: string }) {
      const row = await requireCommitment(documentId, municipalityCode);
      const note = input.statusNote ?? null;
      const updated = await strapi.db.transaction(async () => {
        // Saving the same status and note again is no step in its history.
        if (row.status !== input.status || (row.statusNote ?? null) !== note) await recordChange(documentId, row.status, input.status, note);
        return commitments().update({ where: { id: row.id }, data: { status: input.status, statusNote: note } });
      });
      const commitment = await withHistory(updated);
      await announce(commitment);
      return commitment;
    },

    /**
     * A recommendation becomes a proposal in an open round of the same municipality. The proposal
     * names the recommendation and the recommendation names the proposal; a second conversion is a 409.
     */
    async toProposal(municipalityCode: string, documentId: string, input: Omit<ProposalInput, 'sourceRecommendationId'> & { roundDocumentId: string }, actorId: number) {
      const row = await requireCommitment(documentId, municipalityCode);
      if (row.kind !== 'recommendation') throw conflict('Only a recommendation can become a proposal; this is a commitment.');
      if (row.proposalDocumentId) throw conflict(`This recommendation already became proposal ${row.proposalDocumentId}.`);
      const round = await strapi.db.query(UID.round).findOne({ where: { documentId: input.roundDocumentId }, select: ['municipalityCode'] });
      if (!round || round.municipalityCode !== municipalityCode) throw fieldError('data.roundDocumentId', `no round ${input.roundDocumentId} in ${municipalityCode}`);
      const { roundDocumentId, ...proposalInput } = input;
      // Claim the recommendation first, so that of two conversions at once only one creates a proposal.
      const table = () => strapi.db.connection(commitmentTables(strapi).commitments).where({ document_id: documentId });
      const claim = `pending-${randomBytes(8).toString('hex')}`;
      if ((await table().whereNull('proposal_document_id').update({ proposal_document_id: claim })) === 0) {
        throw conflict('This recommendation became a proposal meanwhile.');
      }
      let proposal;
      try {
        proposal = await getService(strapi, 'proposal').create(roundDocumentId, actorId, { ...proposalInput, sourceRecommendationId: documentId });
      } catch (error) {
        await table().where({ proposal_document_id: claim }).update({ proposal_document_id: null });
        throw error;
      }
      await table().update({ proposal_document_id: proposal.documentId, status: 'in-progress', updated_at: new Date() });
      if (row.status !== 'in-progress') await recordChange(documentId, row.status, 'in-progress', null);
      const commitment = await withHistory(await commitments().findOne({ where: { documentId } }));
      await announce(commitment);
      return { commitment, proposal };
    },
  };
};
