import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { CreateMunicipality, Municipality } from '../../../shared/contracts';
import { UID } from '../constants/uids';
import type { PortalConfig } from '../../../portal/src';
import { isPortalLanguage, type PortalLanguage } from '../../../portal/src/i18n/languages';
import { conflict } from '../utils/conflict';
import { pageWindow, paginationMeta, type PageRequest } from '../utils/pagination';

const PUBLIC_FIELDS = ['documentId', 'code', 'name', 'country', 'defaultLocale', 'currency', 'population', 'contentLanguage'] as const;

/** A municipality that names no content language writes in the portal's default language. */
const toMunicipality = (row: Record<string, unknown>, defaultLanguage: PortalLanguage): Municipality => ({
  documentId: String(row.documentId),
  code: String(row.code),
  name: String(row.name),
  country: String(row.country),
  defaultLocale: String(row.defaultLocale),
  currency: String(row.currency),
  population: row.population == null ? null : Number(row.population),
  contentLanguage: isPortalLanguage(row.contentLanguage) ? row.contentLanguage : defaultLanguage,
});

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const fromRow = (row: Record<string, unknown>) => toMunicipality(row, (strapi.plugin('participation').config('portal') as PortalConfig).defaultLanguage);
  return {
  async find({ country, ...page }: PageRequest & { country?: string }) {
    const filters = country ? { country } : {};
    const [rows, total] = await Promise.all([
      strapi.documents(UID.municipality).findMany({ filters, fields: [...PUBLIC_FIELDS], sort: 'name:asc', ...pageWindow(page) }),
      strapi.documents(UID.municipality).count({ filters }),
    ]);
    return { data: rows.map(fromRow), meta: { pagination: paginationMeta(page, total) } };
  },

  async findByCode(code: string): Promise<Municipality | null> {
    // The Query Engine rather than the Document Service: a read needs no transaction around it, and every page reads this.
    const row = await strapi.db.query(UID.municipality).findOne({ where: { code }, select: [...PUBLIC_FIELDS] });
    return row ? fromRow(row) : null;
  },

  /** A municipality asked for by its code: 404 when there is none. */
  async getByCode(code: string): Promise<Municipality> {
    const municipality = await this.findByCode(code);
    if (!municipality) throw new errors.NotFoundError('Municipality not found');
    return municipality;
  },

  /** A new municipality (the administrator's screen); its code is its identity in every URL, so a taken code is a 409. */
  async create(input: CreateMunicipality.Body): Promise<Municipality> {
    if (await this.findByCode(input.code)) throw conflict(`code: a municipality with the code ${input.code} exists already`, { field: 'code' });
    const created = await strapi.documents(UID.municipality).create({ data: { ...input, population: input.population ?? null } });
    return fromRow(created);
  },

  /** An unknown municipality code in a request is bad input: a 400 naming the field it came in. */
  async requireByCode(code: string, field: string): Promise<Municipality> {
    const municipality = await this.findByCode(code);
    if (!municipality) {
      throw new errors.ValidationError(`${field}: unknown municipality "${code}"`, {
        errors: [{ path: [field], message: `unknown municipality "${code}"` }],
      });
    }
    return municipality;
  },

  /** Every municipality's code and name, by name: the options of a form's choice of municipality (one read, no transaction). */
  async choices(): Promise<Array<Pick<Municipality, 'code' | 'name'>>> {
    const rows = await strapi.db.query(UID.municipality).findMany({ select: ['code', 'name'], orderBy: { name: 'asc' } });
    return rows.map((row: Record<string, unknown>) => ({ code: String(row.code), name: String(row.name) }));
  },
};
};
