import type { Core } from '@strapi/strapi';

/**
 * A content type's table as Strapi's schema sync made it (its `collectionName`, shortened by Strapi when
 * too long): read from the database metadata, so that knex queries name the table Strapi created.
 */
export const tableOf = (strapi: Core.Strapi, uid: string): string => strapi.db.metadata.get(uid).tableName;
