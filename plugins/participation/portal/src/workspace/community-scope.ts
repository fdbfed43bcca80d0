import { z } from 'zod';
import { documentIdSchema } from '../../../server/src/routes/content-api/validation/common';
import { getService } from '../../../server/src/utils/get-service';
import type { Municipality } from '../../../shared/contracts/municipalities';
import type { FormValues, PortalContext } from '../http/portal-route';
import { timeZoneOf } from '../community/meeting-time';

/**
 * What the consultation and dialogue group workspaces share: the municipality of the path, the ids in
 * their paths, and a service's refusal of a field as the form's field.
 */
export const communityParams = z.object({ municipalityCode: z.string().max(32) });
export const recordParams = communityParams.extend({ id: documentIdSchema });
export const memberParams = recordParams.extend({ memberId: documentIdSchema });
export type RecordParams = z.infer<typeof recordParams>;

export const municipalityOf = async (context: PortalContext, code: string): Promise<Municipality> =>
  getService(context.strapi, 'municipality').getByCode(code);

export const zoneOf = (municipality: Municipality) => timeZoneOf(municipality.country);

/** A 409 from a service: the record's state forbids the act now (a full seat, a reference entered twice). */
export const isConflict = (error: unknown) => (error as { status?: number } | null)?.status === 409;

/** A submitted field as trimmed text; '' when absent. */
export const field = (form: FormValues, name: string) => {
  const value = form[name];
  return typeof value === 'string' ? value.trim() : '';
};

/** A submitted field that may repeat (checkboxes), as a list. */
export const fieldList = (form: FormValues, name: string) => [form[name] ?? []].flat().filter((value): value is string => typeof value === 'string');

/** Only the fields given: an empty field is a missing one, as the API's schemas expect. */
export const given = <T extends Record<string, unknown>>(values: T): Partial<T> =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== '')) as Partial<T>;

/** The `?done=` of a redirect back, when it is one of the page's own. */
export const doneOf = <Key extends string>(query: FormValues, known: Record<string, Key>): Key | null => {
  const done = query.done;
  return typeof done === 'string' && done in known ? known[done] : null;
};

/** The page of a paginated list asked for in the query (1 when absent or not a number). */
export const pageOf = (query: FormValues) => {
  const page = Number(query.page);
  return Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
};
