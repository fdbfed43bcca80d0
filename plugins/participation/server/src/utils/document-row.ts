import { randomBytes } from 'crypto';

/**
 * The bookkeeping columns Strapi's Document Service fills, for rows written with knex on hot paths:
 * such rows stay readable and editable through the Document Service and the admin panel.
 */
export const newDocumentColumns = (now = new Date()) => ({
  document_id: randomBytes(12).toString('hex'),
  created_at: now,
  updated_at: now,
  published_at: now,
});
