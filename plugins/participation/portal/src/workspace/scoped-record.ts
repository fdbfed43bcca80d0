import { errors } from '@strapi/utils';

/**
 * A workspace route's access was decided for the municipality in its path; a record it loads by id must
 * belong to that same municipality, or the route would reach across municipalities. Answered as not
 * found, so whether the record exists elsewhere is not told.
 */
export const requireInMunicipality = <T>(record: T | null | undefined, recordMunicipalityCode: string | null | undefined, pathMunicipalityCode: string): T => {
  if (!record || recordMunicipalityCode !== pathMunicipalityCode) throw new errors.NotFoundError('Not found');
  return record;
};
