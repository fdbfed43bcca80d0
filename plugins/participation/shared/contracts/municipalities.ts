import type { Paginated, Single } from './common';

export interface Municipality {
  documentId: string;
  code: string;
  name: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
  defaultLocale: string;
  /** ISO 4217 */
  currency: string;
  population: number | null;
}

export namespace ListMunicipalities {
  export interface Query {
    country?: string;
    page?: number;
    pageSize?: number;
  }
  export type Response = Paginated<Municipality>;
}

export namespace GetMunicipality {
  export interface Params {
    municipalityCode: string;
  }
  export type Response = Single<Municipality>;
}
