import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { stringify } from 'csv-stringify/sync';
import type { MoneyByMarkerReport } from '../../../shared/contracts';
import { UID } from '../constants/uids';
import { currentFunding } from '../domain/decision-log/funding';
import { moneyByMarker, moneyByMarkerRows, MONEY_BY_MARKER_COLUMNS, type MarkedLine } from '../domain/reports/money-by-marker';
import { getService } from '../utils/get-service';

const LINE_FIELDS = ['code', 'fiscalYear', 'genderMarker', 'youthMarker', 'approvedMinor', 'revisedMinor', 'committedMinor', 'spentMinor'] as const;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Unknown municipality: 400 naming `municipalityCode`; a year without budget lines: 404 naming `fiscalYear`. */
  async moneyByMarker(municipalityCode: string, fiscalYear: number): Promise<MoneyByMarkerReport> {
    await getService(strapi, 'municipality').requireByCode(municipalityCode, 'municipalityCode');
    // Reads through the Query Engine: the Document Service would open a transaction for each.
    const rows = (await strapi.db.query(UID.budgetLine).findMany({ where: { municipalityCode, fiscalYear }, select: [...LINE_FIELDS] })) as Array<Record<string, unknown>>;
    if (rows.length === 0) {
      throw new errors.NotFoundError(`fiscalYear: ${municipalityCode} has no budget lines for ${fiscalYear}`, {
        errors: [{ path: ['fiscalYear'], message: `no budget lines for ${fiscalYear}` }],
      });
    }
    const lines: MarkedLine[] = rows.map((row) => ({
      code: String(row.code),
      fiscalYear: Number(row.fiscalYear),
      genderMarker: row.genderMarker as MarkedLine['genderMarker'],
      youthMarker: row.youthMarker as MarkedLine['youthMarker'],
      approvedMinor: String(row.approvedMinor),
      revisedMinor: String(row.revisedMinor),
      committedMinor: String(row.committedMinor),
      spentMinor: String(row.spentMinor),
    }));
    const funding = currentFunding(await getService(strapi, 'decision-log').entriesOf(municipalityCode));
    return { municipalityCode, ...moneyByMarker(fiscalYear, lines, [...funding.values()]) };
  },

  /** The same report as CSV: UTF-8 with a byte-order mark so that spreadsheets read the accents right. */
  async moneyByMarkerCsv(municipalityCode: string, fiscalYear: number): Promise<string> {
    const report = await this.moneyByMarker(municipalityCode, fiscalYear);
    return stringify(moneyByMarkerRows({ ...report, fiscalYear }), { bom: true, header: true, columns: [...MONEY_BY_MARKER_COLUMNS] });
  },
});
