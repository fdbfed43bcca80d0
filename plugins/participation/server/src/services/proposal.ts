import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { EventCatalogue, Proposal, RoundResult } from '../../../shared/contracts';
import { readJson } from '../utils/json-column';
import { UID } from '../constants/uids';
import { formatMinor } from '../domain/money/amount';
import type { PhaseAction } from '../domain/rounds/phases';
import { canMoveTo, type ProposalStatus, type TargetGroup } from '../domain/proposals/statuses';
import type { GenderMarker, YouthMarker } from '../domain/budget-lines/markers';
import { columnOf } from '../tables/metadata';
import { roundTables, type ProposalRow, type ProposalStatusChangeRow, type RoundRow } from '../tables/rounds';
import type { ProposalInput, ReviewAction } from '../domain/proposals/proposal-input';
import { conflict } from '../utils/conflict';
import { fieldError } from '../utils/field-error';
import { getService } from '../utils/get-service';
import type { UpdateData } from '../utils/update-data';

/** How a round's proposals can be narrowed: by the API's query and the portal's filter form alike. */
export interface ProposalFilters {
  status?: ProposalStatus[];
  districtCode?: string;
  targetGroup?: TargetGroup;
  genderMarker?: GenderMarker[];
  youthMarker?: YouthMarker[];
  /** Words in the title or description. */
  q?: string;
}


type StatusChange = EventCatalogue['proposal.status-changed'];

const REVIEW_PHASE: Record<ReviewAction['action'], string> = {
  'start-review': 'review',
  'mark-feasible': 'review',
  'mark-infeasible': 'review',
  'mark-completed': 'implementation',
};
const REVIEW_TARGET: Record<ReviewAction['action'], ProposalStatus> = {
  'start-review': 'under_review',
  'mark-feasible': 'feasible',
  'mark-infeasible': 'infeasible',
  'mark-completed': 'completed',
};

/** The order proposals are listed in everywhere: their number on the ballot, then the order they came in. */
const BALLOT_ORDER = [{ ballotNumber: 'asc' as const }, { id: 'asc' as const }];

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const proposals = () => strapi.documents(UID.proposal);

  /**
   * The round's proposals naming a target group. Target groups are a JSON list, which the Document
   * Service cannot filter inside; its text holds each group as a quoted name on every engine.
   */
  const withTargetGroup = async (roundDocumentId: string, group: TargetGroup): Promise<string[]> => {
    const column = (attribute: string) => columnOf(strapi, UID.proposal, attribute);
    const rows: Array<{ id: string }> = await strapi.db
      .connection(roundTables(strapi).proposals)
      .select(`${column('documentId')} as id`)
      .where(column('roundDocumentId'), roundDocumentId)
      .whereRaw('CAST(?? AS TEXT) LIKE ?', [column('targetGroups'), `%"${group}"%`]);
    return [...new Set(rows.map(({ id }) => id))];
  };

  const toProposal = (row: ProposalRow, history: Proposal['statusHistory'] = []): Proposal => ({
    documentId: row.documentId,
    roundDocumentId: row.roundDocumentId,
    municipalityCode: row.municipalityCode,
    districtCode: row.districtCode || null,
    title: row.title,
    description: row.description,
    location: row.location ?? null,
    requestedAmount: formatMinor(row.requestedMinor),
    costEstimate: row.costEstimateMinor == null ? null : formatMinor(row.costEstimateMinor),
    budgetLineCodes: readJson(row.budgetLineCodes, []),
    targetGroups: readJson(row.targetGroups, []),
    genderMarker: row.genderMarker,
    genderImpactStatement: row.genderImpactStatement ?? null,
    youthMarker: row.youthMarker,
    easyReadSummary: row.easyReadSummary ?? null,
    sourceRecommendationId: row.sourceRecommendationId ?? null,
    status: row.proposalStatus,
    infeasibleReason: row.infeasibleReason ?? null,
    ballotNumber: row.ballotNumber ?? null,
    statusHistory: history,
    language: row.language ?? null,
  });

  const recordStatus = async (proposalDocumentId: string, from: ProposalStatus | null, to: ProposalStatus, actorId: number | null, note?: string | null) => {
    await strapi.documents(UID.proposalStatusChange).create({
      data: { proposalDocumentId, fromStatus: from, toStatus: to, actorId, note: note ?? null, changedAt: new Date().toISOString() },
    });
  };

  const statusChange = (row: ProposalRow, from: ProposalStatus | null, to: ProposalStatus): StatusChange => ({
    proposal: { documentId: row.documentId, roundDocumentId: row.roundDocumentId, title: row.title, status: to },
    from,
    to,
  });

  const moveStatus = async (row: ProposalRow, to: ProposalStatus, actorId: number | null, extra: Record<string, unknown> = {}, note?: string | null) => {
    if (!canMoveTo(row.proposalStatus, to)) throw conflict(`A proposal that is ${row.proposalStatus} cannot become ${to}`);
    await proposals().update({ documentId: row.documentId, data: { proposalStatus: to, ...extra } as UpdateData<typeof UID.proposal> });
    await recordStatus(row.documentId, row.proposalStatus, to, actorId, note);
    return statusChange(row, row.proposalStatus, to);
  };

  /** Tells the proposal's room and its round's room, once the change is committed. */
  const announce = async (changes: StatusChange[]) => {
    for (const change of changes) {
      await getService(strapi, 'events')
        .publishToRooms('proposal.status-changed', [`proposal:${change.proposal.documentId}`, `round:${change.proposal.roundDocumentId}`], change);
    }
  };

  /** Budget lines of the round's municipality and year; the request must fit what they have left. */
  const checkFunding = async (round: RoundRow, input: ProposalInput) => {
    const lines = await getService(strapi, 'budget-line').findForMunicipality(round.municipalityCode, [Number(round.fiscalYear)]);
    const byCode = new Map(lines.map((line) => [line.code, line]));
    const unknown = input.budgetLineCodes.find((code) => !byCode.has(code));
    if (unknown) {
      throw fieldError('budgetLineCodes', `${unknown} is not a ${round.fiscalYear} budget line of ${round.municipalityCode}`);
    }
    const available = input.budgetLineCodes.reduce((sum, code) => {
      const line = byCode.get(code)!;
      return sum + BigInt(line.revisedMinor) - BigInt(line.committedMinor);
    }, 0n);
    if (BigInt(input.requestedAmount) > available) {
      throw fieldError('requestedAmount', `${formatMinor(input.requestedAmount)} is more than the ${formatMinor(available)} left on the named budget lines`);
    }
    const districts = readJson<Array<{ code: string }>>(round.districts, []);
    if (districts.length > 0 && !districts.some((district) => district.code === input.districtCode)) {
      throw fieldError('districtCode', `must be one of ${districts.map((district) => district.code).join(', ')}`);
    }
    if (districts.length === 0 && input.districtCode) throw fieldError('districtCode', 'this round has no districts');
  };

  const toRow = (input: ProposalInput) => ({
    title: input.title,
    description: input.description,
    location: input.location,
    districtCode: input.districtCode ?? '',
    requestedMinor: input.requestedAmount,
    budgetLineCodes: input.budgetLineCodes,
    targetGroups: input.targetGroups,
    genderMarker: input.genderMarker,
    genderImpactStatement: input.genderImpactStatement,
    youthMarker: input.youthMarker,
    easyReadSummary: input.easyReadSummary,
    sourceRecommendationId: input.sourceRecommendationId,
    language: input.language,
  });

  // Reads go through the Query Engine: the Document Service opens a transaction for each call, a round
  // trip each way that a read does not need (pages make several). Writes stay with the Document Service.
  const proposalRows = () => strapi.db.query(UID.proposal);

  const findRow = async (documentId: string) => {
    const row = (await proposalRows().findOne({ where: { documentId } })) as ProposalRow | null;
    if (!row) throw new errors.NotFoundError('Proposal not found');
    return row;
  };

  const requireAuthorWhileEditable = async (documentId: string, authorId: number) => {
    const row = await findRow(documentId);
    if (row.authorId !== authorId) throw new errors.PolicyError('Only the author may change this proposal');
    const round = await getService(strapi, 'round').findRow(row.roundDocumentId);
    if (round.phase !== 'proposals' || row.proposalStatus !== 'submitted') {
      throw conflict('Proposals can be changed only while the round takes proposals and before review starts');
    }
    return { row, round };
  };

  return {
    toProposal,

    async create(roundDocumentId: string, authorId: number, input: ProposalInput): Promise<Proposal> {
      const round = await getService(strapi, 'round').findRow(roundDocumentId);
      if (round.phase !== 'proposals') throw conflict(`The round takes proposals only in its proposals phase; it is in ${round.phase}`);
      await checkFunding(round, input);
      const row = await strapi.db.transaction(async () => {
        const created = await proposals().create({
          data: { ...toRow(input), roundDocumentId, municipalityCode: round.municipalityCode, authorId, proposalStatus: 'submitted' },
        }) as ProposalRow;
        await recordStatus(created.documentId, null, 'submitted', authorId);
        return created;
      });
      await announce([statusChange(row, null, 'submitted')]);
      return this.findOne(row.documentId);
    },

    /** The proposal, if this person may still change it: its author, before review starts (else 403 or 409). */
    async editableBy(documentId: string, authorId: number): Promise<Proposal> {
      await requireAuthorWhileEditable(documentId, authorId);
      return this.findOne(documentId);
    },

    async update(documentId: string, authorId: number, input: ProposalInput): Promise<Proposal> {
      const { round } = await requireAuthorWhileEditable(documentId, authorId);
      await checkFunding(round, input);
      await proposals().update({ documentId, data: toRow(input) as UpdateData<typeof UID.proposal> });
      return this.findOne(documentId);
    },

    async withdraw(documentId: string, authorId: number): Promise<Proposal> {
      const { row } = await requireAuthorWhileEditable(documentId, authorId);
      await announce([await strapi.db.transaction(() => moveStatus(row, 'withdrawn', authorId))]);
      return this.findOne(documentId);
    },

    async review(municipalityCode: string, documentId: string, review: ReviewAction, actorId: number): Promise<Proposal> {
      const row = await findRow(documentId);
      if (row.municipalityCode !== municipalityCode) throw new errors.NotFoundError('Proposal not found');
      const round = await getService(strapi, 'round').findRow(row.roundDocumentId);
      if (round.phase !== REVIEW_PHASE[review.action]) {
        throw conflict(`"${review.action}" needs the round in phase ${REVIEW_PHASE[review.action]}; it is in ${round.phase}`);
      }
      if (review.action === 'mark-completed') {
        const record = await strapi.db.query(UID.projectImplementation).findOne({ where: { proposalDocumentId: documentId }, select: ['progressPercent'] });
        const progress = Number(record?.progressPercent ?? 0);
        if (progress < 100) throw conflict(`The implementation is at ${progress} %: record 100 % progress before marking the proposal completed.`);
      }
      const extra =
        review.action === 'mark-feasible' ? { costEstimateMinor: review.costEstimate }
        : review.action === 'mark-infeasible' ? { infeasibleReason: review.reason }
        : {};
      const note = review.action === 'mark-infeasible' ? review.reason : 'note' in review ? review.note : null;
      await announce([await strapi.db.transaction(() => moveStatus(row, REVIEW_TARGET[review.action], actorId, extra, note))]);
      return this.findOne(documentId);
    },

    announce,

    /** What a round's phase change does to its proposals (called inside the round's transaction). */
    async applyPhaseChange(roundDocumentId: string, action: PhaseAction, actorId: number, result: RoundResult | null): Promise<StatusChange[]> {
      const changes: StatusChange[] = [];
      const inRound = (status: ProposalStatus) =>
        proposals().findMany({ filters: { roundDocumentId, proposalStatus: status }, sort: ['id:asc'] }) as Promise<ProposalRow[]>;

      if (action === 'start-review') {
        for (const row of await inRound('submitted')) changes.push(await moveStatus(row, 'under_review', actorId));
      }
      if (action === 'open-voting') {
        const pending = await inRound('under_review');
        if (pending.length > 0) throw conflict(`${pending.length} proposal(s) are still under review`, { proposals: pending.map((row) => row.documentId) });
        const feasible = await inRound('feasible');
        if (feasible.length === 0) throw conflict('No proposal is feasible: there is nothing to vote on');
        let ballotNumber = 0;
        for (const row of feasible) changes.push(await moveStatus(row, 'on_ballot', actorId, { ballotNumber: (ballotNumber += 1) }));
      }
      if (action === 'publish-results') {
        if (!result) throw conflict('Count the ballots before publishing the results');
        const selected = new Set(result.districts.flatMap((district) => district.selected));
        for (const row of await inRound('on_ballot')) changes.push(await moveStatus(row, selected.has(row.documentId) ? 'selected' : 'not_selected', actorId));
      }
      if (action === 'start-implementation') {
        for (const row of await inRound('selected')) changes.push(await moveStatus(row, 'in_implementation', actorId));
      }
      return changes;
    },

    /** A round's proposals; 404 when there is no such round (rather than an empty list). */
    async find(roundDocumentId: string, filters: ProposalFilters, page: { page: number; pageSize: number }) {
      await getService(strapi, 'round').findRow(roundDocumentId);
      const where = {
        roundDocumentId,
        ...(filters.status ? { proposalStatus: { $in: filters.status } } : {}),
        ...(filters.districtCode ? { districtCode: filters.districtCode } : {}),
        ...(filters.genderMarker ? { genderMarker: { $in: filters.genderMarker } } : {}),
        ...(filters.youthMarker ? { youthMarker: { $in: filters.youthMarker } } : {}),
        ...(filters.q ? { $or: [{ title: { $containsi: filters.q } }, { description: { $containsi: filters.q } }] } : {}),
        ...(filters.targetGroup ? { documentId: { $in: await withTargetGroup(roundDocumentId, filters.targetGroup) } } : {}),
      };
      const [rows, total] = await Promise.all([
        proposalRows().findMany({ where, orderBy: BALLOT_ORDER, offset: (page.page - 1) * page.pageSize, limit: page.pageSize }),
        proposalRows().count({ where }),
      ]);
      return {
        data: (rows as ProposalRow[]).map((row) => toProposal(row)),
        meta: { pagination: { ...page, pageCount: Math.ceil(total / page.pageSize), total } },
      };
    },

    /** Every proposal of a round in ballot order, in one read: what its results name and cost. */
    async allOfRound(roundDocumentId: string): Promise<Proposal[]> {
      const rows = (await proposalRows().findMany({ where: { roundDocumentId }, orderBy: BALLOT_ORDER })) as ProposalRow[];
      return rows.map((row) => toProposal(row));
    },

    /** The language each proposal of a round names (null: its municipality's), in one small read: what the ballot's titles are written in. */
    async languagesOfRound(roundDocumentId: string): Promise<Map<string, Proposal['language']>> {
      const rows = (await proposalRows().findMany({ where: { roundDocumentId }, select: ['documentId', 'language'] })) as Array<Pick<ProposalRow, 'documentId' | 'language'>>;
      return new Map(rows.map((row) => [row.documentId, row.language ?? null]));
    },

    async findOne(documentId: string): Promise<Proposal> {
      const [row, changes] = await Promise.all([
        findRow(documentId),
        strapi.db.query(UID.proposalStatusChange).findMany({ where: { proposalDocumentId: documentId }, orderBy: { id: 'asc' } }) as Promise<ProposalStatusChangeRow[]>,
      ]);
      return toProposal(
        row,
        changes.map((change) => ({ from: change.fromStatus ?? null, to: change.toStatus, at: new Date(change.changedAt).toISOString(), note: change.note ?? null }))
      );
    },
  };
};
