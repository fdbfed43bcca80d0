import type { z } from 'zod';
import { errors } from '@strapi/utils';
import type { FieldErrors } from '../components/ErrorSummary';
import type { MessageKey } from '../i18n/translator';

/**
 * A workspace form's refusals as GOV.UK-style field errors: one message per field, in the page's
 * language. `messages` names every field the form has; a path outside it (a field the form does not
 * show) is left out rather than linked to nothing.
 */
export const fieldErrorsFor = <Field extends string>(messages: Record<Field, MessageKey>, paths: ReadonlyArray<PropertyKey | undefined>): FieldErrors =>
  Object.fromEntries(paths.filter((path): path is Field => typeof path === 'string' && path in messages).map((path) => [path, messages[path]]));

/** The first path segment of each zod issue: the form field it belongs to. */
export const zodIssuePaths = (error: z.ZodError): PropertyKey[] => error.issues.map((issue) => issue.path[0]).filter((path): path is PropertyKey => path !== undefined);

/**
 * The fields a service refused with a `ValidationError` (the API's 400 naming the field), or null when
 * the error is anything else and must go on to the portal's error page.
 */
export const refusedPaths = (error: unknown): string[] | null => {
  if (!(error instanceof errors.ValidationError)) return null;
  const details = error.details as { errors?: Array<{ path?: Array<string | number> }> } | undefined;
  // Services that check a whole request body name its fields under `data`.
  return (details?.errors ?? []).map(({ path = [] }) => String((path[0] === 'data' ? path[1] : path[0]) ?? ''));
};

/** A refused part of a RecordedConsent (`consent.given`, `.method`, `.note`) as the form field that asks for it (RecordedConsentFields). */
export const consentFieldOf = (part: PropertyKey | undefined) => ({ given: 'consentGiven', method: 'consentMethod', note: 'consentNote' })[String(part)] ?? 'consentGiven';
