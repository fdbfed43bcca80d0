import type { JoinTable } from '@strapi/database';
import type { Core } from '@strapi/strapi';
import { UID } from '../constants/uids';
import { tableOf } from './metadata';

/**
 * Who is assigned where: the municipal assignments' link tables to their user and municipality, named as
 * Strapi's schema sync made them, and the municipalities' table. The access service reads them on every
 * signed-in request; the role-assignment service writes them through the Document Service.
 */
export const assignmentTables = (strapi: Core.Strapi) => {
  const { attributes } = strapi.db.metadata.get(UID.municipalAssignment);
  const link = (attribute: 'user' | 'municipality') => {
    // Strapi types an attribute as any kind of attribute; both are manyToOne relations through join tables.
    const joinTable = (attributes[attribute] as { joinTable: JoinTable }).joinTable;
    return { table: joinTable.name, assignment: joinTable.joinColumn.name, target: joinTable.inverseJoinColumn.name };
  };
  return { user: link('user'), municipality: link('municipality'), municipalities: tableOf(strapi, UID.municipality) };
};
