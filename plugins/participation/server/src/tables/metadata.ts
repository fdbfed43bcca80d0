import type { Core } from '@strapi/strapi';

// Which module owns which tables, and why the hot paths use knex at all: docs/architecture.md, "Tables and their owners".

/**
 * A content type's table as Strapi's schema sync made it (its `collectionName`, shortened by Strapi when
 * too long): read from the database metadata, so that knex queries name the table Strapi created.
 */
export const tableOf = (strapi: Core.Strapi, uid: string): string => strapi.db.metadata.get(uid).tableName;

/** The column Strapi maps a scalar attribute to (snake case unless the schema names one, shortened when too long). */
export const columnOf = (strapi: Core.Strapi, uid: string, attribute: string): string => {
  const definition = strapi.db.metadata.get(uid).attributes[attribute] as { columnName?: string } | undefined;
  if (!definition?.columnName) throw new Error(`${uid} has no column for its attribute ${attribute}`);
  return definition.columnName;
};
