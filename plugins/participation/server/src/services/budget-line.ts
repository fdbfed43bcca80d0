import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { BudgetLine, ListBudgetLines } from '../../../shared/contracts';
import { UID } from '../constants/uids';
import type { BudgetLineValues } from '../domain/budget-lines/budget-line-input';
import { formatMinor } from '../domain/money/amount';
import { isUniqueViolation } from '../utils/database-errors';
import { readJson } from '../utils/json-column';
import { pageWindow, paginationMeta, type PageRequest } from '../utils/pagination';

export interface BudgetLineFilters {
  municipalityCode?: string;
  fiscalYear?: number;
  genderMarker?: string[];
  youthMarker?: string[];
  programme?: string;
}

const TABLE = 'participation_budget_lines';
const AMOUNT_COLUMNS = { approved: 'approved_minor', revised: 'revised_minor', committed: 'committed_minor', spent: 'spent_minor' } as const;

/** Filter attribute → table column; both the Document Service and the totals query read it. */
const FILTER_COLUMNS: Record<keyof BudgetLineFilters, string> = {
  municipalityCode: 'municipality_code',
  fiscalYear: 'fiscal_year',
  genderMarker: 'gender_marker',
  youthMarker: 'youth_marker',
  programme: 'programme',
};

const definedFilters = (filters: BudgetLineFilters) =>
  (Object.keys(FILTER_COLUMNS) as Array<keyof BudgetLineFilters>)
    .filter((key) => filters[key] !== undefined)
    .map((key) => ({ key, column: FILTER_COLUMNS[key], value: filters[key]! }));

const documentFilters = (filters: BudgetLineFilters) =>
  Object.fromEntries(definedFilters(filters).map(({ key, value }) => [key, Array.isArray(value) ? { $in: value } : value]));

/** A stored row as the domain sees it (amounts in minor units). */
const storedValues = (row: Record<string, any>): BudgetLineValues => ({
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

export const toBudgetLine = (row: Record<string, any>): BudgetLine => {
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

const duplicateCodeError = (values: BudgetLineValues) =>
  new errors.ValidationError(`code: ${values.code} already exists for ${values.fiscalYear}`, {
    errors: [{ path: ['code'], message: `${values.code} already exists for ${values.fiscalYear}` }],
  });

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = () => strapi.documents(UID.budgetLine);
  const announce = (municipalityCode: string, change: 'created' | 'updated' | 'deleted', budgetLine?: BudgetLine) =>
    strapi.plugin('participation').service('events').publish('budget-line.changed', `municipality:${municipalityCode}:budget`, { municipalityCode, change, budgetLine });

  const sumAmounts = async (filters: BudgetLineFilters) => {
    const query = strapi.db.connection(TABLE);
    for (const { column, value } of definedFilters(filters)) {
      if (Array.isArray(value)) query.whereIn(column, value);
      else query.where(column, value);
    }
    const [sums] = await query.select(
      Object.entries(AMOUNT_COLUMNS).map(([name, column]) => strapi.db.connection.raw(`coalesce(sum(??), 0) as ??`, [column, name]))
    );
    return Object.fromEntries(
      Object.keys(AMOUNT_COLUMNS).map((name) => [name, formatMinor(String((sums as Record<string, unknown>)[name]))])
    ) as ListBudgetLines.Response['meta']['totals'];
  };

  return {
    async find(filters: BudgetLineFilters, page: PageRequest, sort = 'code'): Promise<ListBudgetLines.Response> {
      const direction = sort.startsWith('-') ? 'desc' : 'asc';
      const attribute = SORT_ATTRIBUTE[sort.replace(/^-/, '')];
      const where = documentFilters(filters);
      const [rows, total, totals] = await Promise.all([
        documents().findMany({ filters: where, sort: [`${attribute}:${direction}`, 'id:asc'], ...pageWindow(page) }),
        documents().count({ filters: where }),
        sumAmounts(filters),
      ]);
      return { data: rows.map(toBudgetLine), meta: { pagination: paginationMeta(page, total), totals } };
    },

    async findOne(documentId: string): Promise<BudgetLine> {
      const row = await documents().findOne({ documentId });
      if (!row) throw new errors.NotFoundError('Budget line not found');
      return toBudgetLine(row);
    },

    /** Lines of one municipality in the given years, as stored (for comparing with an import). */
    async findForMunicipality(municipalityCode: string, fiscalYears: number[]) {
      if (fiscalYears.length === 0) return [];
      const rows = await documents().findMany({ filters: { municipalityCode, fiscalYear: { $in: fiscalYears } } });
      return rows.map((row) => ({ documentId: row.documentId as string, ...storedValues(row) }));
    },

    async create(municipalityCode: string, values: BudgetLineValues): Promise<BudgetLine> {
      try {
        const row = await documents().create({ data: { ...values, municipalityCode } as any });
        const line = toBudgetLine(row);
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
        const row = await documents().update({ documentId, data: { ...values, municipalityCode } as any });
        const line = toBudgetLine(row!);
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
