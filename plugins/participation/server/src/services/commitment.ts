import { randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Commitment, CommitmentStatus, MinutesInput } from '../../../shared/contracts';
import { UID } from '../constants/uids';
import type { ProposalInput } from '../domain/proposals/proposal-input';
import { conflict } from '../utils/conflict';
import { fieldError } from '../utils/field-error';
import type { PageRequest } from '../utils/pagination';
import { commitmentTables, type CommitmentRow } from '../tables/commitments';
import { getService } from '../utils/get-service';

const toCommitment = (row: CommitmentRow): Commitment => ({
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
});

/** The public commitments register of dialogue groups, and recommendations turned into proposals. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const commitments = () => strapi.db.query(UID.commitment);

  const requireCommitment = async (documentId: string, municipalityCode: string) => {
    const row: CommitmentRow | null = await commitments().findOne({ where: { documentId } });
    if (!row || row.municipalityCode !== municipalityCode) throw new errors.NotFoundError(`No commitment ${documentId} in ${municipalityCode}`);
    return row;
  };

  const announce = (commitment: Commitment) =>
    getService(strapi, 'events').publish('commitment.status-changed', `dialogue-group:${commitment.groupDocumentId}`, { commitment });

  return {
    /** The commitments a meeting's minutes recorded, in the order recorded. */
    async ofMeeting(meetingDocumentId: string): Promise<Commitment[]> {
      return (await commitments().findMany({ where: { meetingDocumentId }, orderBy: { id: 'asc' } })).map(toCommitment);
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
        created.push(toCommitment(row));
      }
      return created;
    },

    async find(groupDocumentId: string, { status, ...page }: { status?: CommitmentStatus } & PageRequest) {
      await getService(strapi, 'dialogue-group').requireGroup(groupDocumentId);
      const where = { groupDocumentId, ...(status ? { status } : {}) };
      const { results, pagination } = await commitments().findPage({ where, orderBy: { id: 'asc' }, ...page });
      return { data: results.map(toCommitment), meta: { pagination } };
    },

    async updateStatus(municipalityCode: string, documentId: string, input: { status: CommitmentStatus; statusNote?: string }) {
      const row = await requireCommitment(documentId, municipalityCode);
      const updated = await commitments().update({ where: { id: row.id }, data: { status: input.status, statusNote: input.statusNote ?? null } });
      const commitment = toCommitment(updated);
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
      const commitment = toCommitment(await commitments().findOne({ where: { documentId } }));
      await announce(commitment);
      return { commitment, proposal };
    },
  };
};
