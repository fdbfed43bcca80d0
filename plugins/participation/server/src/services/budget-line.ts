import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { BudgetLine, DecisionLogEntry, ListBudgetLines } from '../../../shared/contracts';
import { UID } from '../constants/uids';
import { BUDGET_LINES_REFERENCED } from '../database/guards';
import type { BudgetLineValues } from '../domain/budget-lines/budget-line-input';
import { formatMinor } from '../domain/money/amount';
import { conflict } from '../utils/conflict';
import { isUniqueViolation } from '../utils/database-errors';
import { readJson } from '../utils/json-column';
import { pageWindow, paginationMeta, type PageRequest } from '../utils/pagination';
import { budgetLineTables, type BudgetLineRow } from '../tables/budget-lines';
import { getService } from '../utils/get-service';
import type { UpdateData } from '../utils/update-data';

export interface BudgetLineFilters {
  municipalityCode?: string;
  fiscalYear?: number;
  genderMarker?: string[];
  youthMarker?: string[];
  programme?: string;
}

/** The amounts the totals sum: total name → attribute. */
const AMOUNT_ATTRIBUTES = { approved: 'approvedMinor', revised: 'revisedMinor', committed: 'committedMinor', spent: 'spentMinor' } as const;

/** The filters both the Document Service and the totals query apply. */
const FILTER_ATTRIBUTES: Array<keyof BudgetLineFilters> = ['municipalityCode', 'fiscalYear', 'genderMarker', 'youthMarker', 'programme'];

const definedFilters = (filters: BudgetLineFilters) =>
  FILTER_ATTRIBUTES.filter((key) => filters[key] !== undefined).map((key) => ({ key, value: filters[key]! }));

const documentFilters = (filters: BudgetLineFilters) =>
  Object.fromEntries(definedFilters(filters).map(({ key, value }) => [key, Array.isArray(value) ? { $in: value } : value]));

/** A stored row as the domain sees it (amounts in minor units). */
const storedValues = (row: BudgetLineRow): BudgetLineValues => ({
  fiscalYear: Number(row.fiscalYear),
  code: row.code,
  name: row.name,
  programme: row.programme ?? null,
  functionalClassification: row.functionalClassification ?? null,
  approvedMinor: String(row.approvedMinor),
  revisedMinor: String(row.revisedMinor),
  committedMinor: String(row.committedMinor),
  spentMinor: String(row.spentMinor),
  genderMarker: row.genderMarker,
  youthMarker: row.youthMarker,
  sdgTargets: readJson<unknown[]>(row.sdgTargets, []).map(String),
});

export const toBudgetLine = (row: BudgetLineRow): BudgetLine => {
  const { approvedMinor, revisedMinor, committedMinor, spentMinor, ...values } = storedValues(row);
  return {
    documentId: row.documentId,
    municipalityCode: row.municipalityCode,
    ...values,
    amounts: {
      approved: formatMinor(approvedMinor),
      revised: formatMinor(revisedMinor),
      committed: formatMinor(committedMinor),
      spent: formatMinor(spentMinor),
    },
  };
};

const SORT_ATTRIBUTE: Record<string, string> = { code: 'code', name: 'name', approved: 'approvedMinor', fiscalYear: 'fiscalYear' };

export interface BudgetLineReferences {
  line: { municipalityCode: string; fiscalYear: number; code: string };
  /** documentIds of proposals (in rounds of the line's year) that name the line. */
  proposals: string[];
  /** Sequence numbers of decision-log entries whose subject is the line or that charge an amount to it. */
  decisionEntries: number[];
}

const REFUSED = { delete: 'cannot be deleted', update: 'cannot change its municipality, year or code' };

const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);

const referencedLineConflict = (action: 'delete' | 'update', { line, proposals, decisionEntries }: BudgetLineReferences) => {
  const referrers = [
    proposals.length > 0 && `${proposals.length} ${plural(proposals.length, 'proposal', 'proposals')}`,
    decisionEntries.length > 0 && `decision-log ${plural(decisionEntries.length, 'entry', 'entries')} ${decisionEntries.join(', ')}`,
  ].filter(Boolean);
  return conflict(`Budget line ${line.code} of ${line.fiscalYear} ${REFUSED[action]}: ${referrers.join(' and ') || 'proposals or decisions'} refer to it`, {
    proposals,
    decisionEntries,
  });
};

/**
 * The database refuses deleting, or changing the key of, a line that is referred to
 * (`BUDGET_LINES_REFERENCED`); this turns that refusal into a 409 naming what refers to the line, on every
 * path through the Document Service: the content API and the admin panel's Content Manager.
 */
export const explainReferencedLineRefusals = (strapi: Core.Strapi) =>
  strapi.documents.use(async (context, next) => {
    if (context.uid !== UID.budgetLine || (context.action !== 'delete' && context.action !== 'update')) return next();
    try {
      return await next();
    } catch (error) {
      if (!String((error as Error)?.message).includes(BUDGET_LINES_REFERENCED)) throw error;
      const documentId = (context.params as { documentId: string }).documentId;
      // Inside a caller's transaction (the Content Manager's bulk delete) the refusal has aborted it: nothing more can be read.
      if (strapi.db.inTransaction()) throw conflict(`Budget line ${documentId} ${REFUSED[context.action]}: proposals or decisions refer to it`);
      throw referencedLineConflict(context.action, await getService(strapi, 'budget-line').referencesTo(documentId));
    }
  });

const duplicateCodeError = (values: BudgetLineValues) =>
  new errors.ValidationError(`code: ${values.code} already exists for ${values.fiscalYear}`, {
    errors: [{ path: ['code'], message: `${values.code} already exists for ${values.fiscalYear}` }],
  });

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = () => strapi.documents(UID.budgetLine);
  const announce = (municipalityCode: string, change: 'created' | 'updated' | 'deleted', budgetLine?: BudgetLine) =>
    getService(strapi, 'events').publish('budget-line.changed', `municipality:${municipalityCode}:budget`, { municipalityCode, change, budgetLine });

  const sumAmounts = async (filters: BudgetLineFilters) => {
    const { lines, column } = budgetLineTables(strapi);
    const query = strapi.db.connection(lines);
    for (const { key, value } of definedFilters(filters)) {
      if (Array.isArray(value)) query.whereIn(column(key), value);
      else query.where(column(key), value);
    }
    const [sums] = await query.select(
      Object.entries(AMOUNT_ATTRIBUTES).map(([name, attribute]) => strapi.db.connection.raw(`coalesce(sum(??), 0) as ??`, [column(attribute), name]))
    );
    return Object.fromEntries(
      Object.keys(AMOUNT_ATTRIBUTES).map((name) => [name, formatMinor(String((sums as Record<string, unknown>)[name]))])
    ) as ListBudgetLines.Response['meta']['totals'];
  };

  return {
    /** An unknown municipality in the filter is a 400 naming the `municipality` query parameter. */
    async find(filters: BudgetLineFilters, page: PageRequest, sort = 'code'): Promise<ListBudgetLines.Response> {
      if (filters.municipalityCode) await getService(strapi, 'municipality').requireByCode(filters.municipalityCode, 'municipality');
      const direction = sort.startsWith('-') ? 'desc' : 'asc';
      const attribute = SORT_ATTRIBUTE[sort.replace(/^-/, '')];
      const where = documentFilters(filters);
      const { start, limit } = pageWindow(page);
      // Reads through the Query Engine: the Document Service would open a transaction for each.
      const [rows, total, totals] = await Promise.all([
        strapi.db.query(UID.budgetLine).findMany({ where, orderBy: [{ [attribute]: direction }, { id: 'asc' }], offset: start, limit }),
        strapi.db.query(UID.budgetLine).count({ where }),
        sumAmounts(filters),
      ]);
      return { data: (rows as BudgetLineRow[]).map(toBudgetLine), meta: { pagination: paginationMeta(page, total), totals } };
    },

    async findOne(documentId: string): Promise<BudgetLine> {
      const row = (await documents().findOne({ documentId })) as BudgetLineRow | null;
      if (!row) throw new errors.NotFoundError('Budget line not found');
      return toBudgetLine(row);
    },

    /** The fiscal years a municipality has budget lines for, latest first (the portal's budget pages). */
    async fiscalYears(municipalityCode: string): Promise<number[]> {
      const { lines, column } = budgetLineTables(strapi);
      const rows: Array<{ year: number | string }> = await strapi.db
        .connection(lines)
        .distinct(`${column('fiscalYear')} as year`)
        .where(column('municipalityCode'), municipalityCode)
        .orderBy('year', 'desc');
      return rows.map(({ year }) => Number(year));
    },

    /** Lines of one municipality in the given years, as stored (for comparing with an import). */
    async findForMunicipality(municipalityCode: string, fiscalYears: number[]) {
      if (fiscalYears.length === 0) return [];
      const rows = (await documents().findMany({ filters: { municipalityCode, fiscalYear: { $in: fiscalYears } } })) as BudgetLineRow[];
      return rows.map((row) => ({ documentId: row.documentId, ...storedValues(row) }));
    },

    /** What refers to a line; the database's guard (database/guards.ts) reads the same references. */
    async referencesTo(documentId: string): Promise<BudgetLineReferences> {
      const row = await documents().findOne({ documentId, fields: ['municipalityCode', 'fiscalYear', 'code'] });
      if (!row) throw new errors.NotFoundError('Budget line not found');
      const line = { municipalityCode: row.municipalityCode as string, fiscalYear: Number(row.fiscalYear), code: row.code as string };
      const names = (reference: { code?: string; fiscalYear?: number } | null | undefined) =>
        reference?.code === line.code && Number(reference.fiscalYear) === line.fiscalYear;
      const rounds = await strapi.documents(UID.round).findMany({ filters: { municipalityCode: line.municipalityCode, fiscalYear: line.fiscalYear }, fields: ['documentId'] });
      const proposals = rounds.length
        ? await strapi.documents(UID.proposal).findMany({
            filters: { roundDocumentId: { $in: rounds.map((round) => round.documentId) } },
            fields: ['budgetLineCodes'],
            sort: 'id:asc',
          })
        : [];
      const entries = await getService(strapi, 'decision-log').entriesOf(line.municipalityCode);
      return {
        line,
        proposals: proposals.filter((proposal) => readJson<string[]>(proposal.budgetLineCodes, []).includes(line.code)).map((proposal) => proposal.documentId),
        decisionEntries: entries
          .filter(({ decision }: DecisionLogEntry) => names(decision.budgetLine) || (decision.subject.kind === 'budget-line' && names(decision.subject)))
          .map((entry: DecisionLogEntry) => entry.sequence),
      };
    },

    async create(municipalityCode: string, values: BudgetLineValues): Promise<BudgetLine> {
      try {
        const row = await documents().create({ data: { ...values, municipalityCode } });
        const line = toBudgetLine(row as BudgetLineRow);
        await announce(municipalityCode, 'created', line);
        return line;
      } catch (error) {
        if (isUniqueViolation(error)) throw duplicateCodeError(values);
        throw error;
      }
    },

    /** The line must belong to the municipality named in the route: staff cannot reach across. */
    async requireInMunicipality(municipalityCode: string, documentId: string) {
      const row = await documents().findOne({ documentId, fields: ['municipalityCode'] });
      if (!row || row.municipalityCode !== municipalityCode) throw new errors.NotFoundError('Budget line not found');
    },

    async update(municipalityCode: string, documentId: string, values: BudgetLineValues): Promise<BudgetLine> {
      await this.requireInMunicipality(municipalityCode, documentId);
      try {
        const row = await documents().update({ documentId, data: { ...values, municipalityCode } as UpdateData<typeof UID.budgetLine> });
        const line = toBudgetLine(row as BudgetLineRow);
        await announce(municipalityCode, 'updated', line);
        return line;
      } catch (error) {
        if (isUniqueViolation(error)) throw duplicateCodeError(values);
        throw error;
      }
    },

    async delete(municipalityCode: string, documentId: string): Promise<void> {
      await this.requireInMunicipality(municipalityCode, documentId);
      await documents().delete({ documentId });
      await announce(municipalityCode, 'deleted');
    },
  };
};
