import type { Modules, UID } from '@strapi/strapi';

/**
 * The data of a Document Service `update`. Strapi types it from generated schema types, which this app
 * does not generate; without them it accepts `id` and `documentId` only. Each attribute is still checked
 * against the content type's schema when the update runs.
 */
export type UpdateData<TUid extends UID.ContentType> = Modules.Documents.Params.Data.PartialInput<TUid>;
