import { errors } from '@strapi/utils';

/** A 400 naming one field by its dotted path in the request (e.g. `data.subject.documentId`), like a zod failure. */
export const fieldError = (field: string, message: string) =>
  new errors.ValidationError(`${field}: ${message}`, { errors: [{ path: field.split('.'), message }] });
