import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import Decimal from 'decimal.js';
import type { Milestone, ParticipatorySpending, ProjectImplementation } from '../../../shared/contracts';
import { UID } from '../constants/uids';
import { currentFunding, fundingOnLine, type ProposalFunding } from '../domain/decision-log/funding';
import { formatMinor, sumMinor } from '../domain/money/amount';
import type { ImplementationBody } from '../routes/content-api/validation/decisions';
import { conflict } from '../utils/conflict';
import { isUniqueViolation } from '../utils/database-errors';
import { fieldError } from '../utils/field-error';
import { readJson } from '../utils/json-column';
import { getService } from '../utils/get-service';
import type { UpdateData } from '../utils/update-data';
import type { ImplementationRow } from '../tables/implementation';

type SpendingLine = Pick<ParticipatorySpending['budgetLine'], 'documentId' | 'municipalityCode' | 'code' | 'fiscalYear'>;

const toImplementation = (
  proposal: { documentId: string; municipalityCode: string },
  funding: ProposalFunding | undefined,
  record: ImplementationRow | null
): ProjectImplementation => ({
  proposalDocumentId: proposal.documentId,
  municipalityCode: proposal.municipalityCode,
  funding: funding ?? null,
  spent: formatMinor(record?.spentMinor),
  progressPercent: Number(record?.progressPercent ?? 0),
  milestones: readJson<Milestone[]>(record?.milestones, []),
  updatedAt: record ? new Date(record.updatedAt).toISOString() : null,
});

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const records = () => strapi.documents(UID.projectImplementation);

  /** Funding is not stored apart: it is whatever the municipality's decision log says now. */
  const fundingIn = async (municipalityCode: string) =>
    currentFunding(await getService(strapi, 'decision-log').entriesOf(municipalityCode));

  const requireProposal = async (documentId: string) => {
    // Reads through the Query Engine: no transaction per call, as the Document Service would open.
    const row = await strapi.db.query(UID.proposal).findOne({ where: { documentId }, select: ['municipalityCode', 'proposalStatus'] });
    if (!row) throw new errors.NotFoundError('Proposal not found');
    return { documentId, municipalityCode: String(row.municipalityCode), status: String(row.proposalStatus) };
  };

  const recordOf = (proposalDocumentId: string) => strapi.db.query(UID.projectImplementation).findOne({ where: { proposalDocumentId } }) as Promise<ImplementationRow | null>;

  /** One record per proposal (a unique index): a concurrent first update that lost the race updates instead. */
  const save = async (proposalDocumentId: string, data: Record<string, unknown>): Promise<ImplementationRow> => {
    const existing = await recordOf(proposalDocumentId);
    if (existing) return (await records().update({ documentId: existing.documentId, data: data as UpdateData<typeof UID.projectImplementation> })) as ImplementationRow;
    try {
      return (await records().create({ data })) as ImplementationRow;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return save(proposalDocumentId, data);
    }
  };

  /** What participatory projects commit to and spend from one line, under the municipality's funding now. */
  const spendingOn = async (line: SpendingLine, funding: Map<string, ProposalFunding>): Promise<ParticipatorySpending> => {
    const { projects, committed } = fundingOnLine(funding, line);
    const proposalIds = projects.map(([proposalDocumentId]) => proposalDocumentId);
    const [proposals, rows] = proposalIds.length
      ? await Promise.all([
          strapi.documents(UID.proposal).findMany({ filters: { documentId: { $in: proposalIds } }, fields: ['title', 'language'] }),
          records().findMany({ filters: { proposalDocumentId: { $in: proposalIds } } }) as Promise<ImplementationRow[]>,
        ])
      : [[], []];
    const titles = new Map(proposals.map((proposal) => [proposal.documentId, { title: String(proposal.title), language: proposal.language ?? null }]));
    const recordsById = new Map(rows.map((row) => [row.proposalDocumentId, row]));
    return {
      budgetLine: { documentId: line.documentId, municipalityCode: line.municipalityCode, code: line.code, fiscalYear: line.fiscalYear },
      committed,
      spent: formatMinor(sumMinor(rows.map((row) => row.spentMinor))),
      projects: projects.map(([proposalDocumentId, { amount }]) => {
        const record = recordsById.get(proposalDocumentId);
        return {
          proposalDocumentId,
          ...(titles.get(proposalDocumentId) ?? { title: '', language: null }),
          committed: amount,
          spent: formatMinor(record?.spentMinor),
          progressPercent: Number(record?.progressPercent ?? 0),
        };
      }),
    };
  };

  return {
    async findForProposal(proposalDocumentId: string): Promise<ProjectImplementation> {
      const proposal = await requireProposal(proposalDocumentId);
      const [funding, record] = await Promise.all([fundingIn(proposal.municipalityCode), recordOf(proposalDocumentId)]);
      return toImplementation(proposal, funding.get(proposalDocumentId), record);
    },

    /** Staff replace the whole state; spending beyond the funded amount needs an amending decision first. */
    async update(municipalityCode: string, proposalDocumentId: string, input: ImplementationBody, actorId: number): Promise<ProjectImplementation> {
      const proposal = await requireProposal(proposalDocumentId);
      if (proposal.municipalityCode !== municipalityCode) throw new errors.NotFoundError('Proposal not found');
      if (proposal.status === 'completed' && input.progressPercent < 100) throw conflict('The proposal is completed: its progress stays at 100 %.');
      const funding = (await fundingIn(municipalityCode)).get(proposalDocumentId);
      if (!funding) throw conflict('The proposal is not funded: publish a decision to fund it before tracking its implementation');
      if (new Decimal(formatMinor(input.spent)).greaterThan(funding.amount)) {
        throw fieldError('data.spent', `is more than the ${funding.amount} funded (decision log entry ${funding.decisionEntry}); publish an amendment first`);
      }
      const record = await save(proposalDocumentId, {
        proposalDocumentId,
        municipalityCode,
        progressPercent: input.progressPercent,
        spentMinor: input.spent,
        milestones: input.milestones,
        recordedById: actorId,
      });
      return toImplementation(proposal, funding, record);
    },

    async budgetLineSpending(budgetLineDocumentId: string): Promise<ParticipatorySpending> {
      const line = await getService(strapi, 'budget-line').findOne(budgetLineDocumentId);
      return spendingOn(line, await fundingIn(line.municipalityCode));
    },

    /** Of a municipality's lines, those participatory projects draw on, with what they commit and spend: the log read once. */
    async participatorySpendingOn(municipalityCode: string, lines: ReadonlyArray<SpendingLine>): Promise<ParticipatorySpending[]> {
      const funding = await fundingIn(municipalityCode);
      return Promise.all(lines.filter((line) => fundingOnLine(funding, line).projects.length > 0).map((line) => spendingOn(line, funding)));
    },
  };
};
