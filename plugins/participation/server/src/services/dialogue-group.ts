import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { DialogueGroup, DialogueGroupMember, SeatCategory } from '../../../shared/contracts';
import { UID } from '../constants/uids';
import { fieldError } from '../utils/field-error';
import { readJson } from '../utils/json-column';
import { pageWindow, paginationMeta, type PageRequest } from '../utils/pagination';

type ReservedSeats = Array<{ category: SeatCategory; seats: number }>;

const toMember = (row: Record<string, any>): DialogueGroupMember => ({
  documentId: row.documentId,
  memberKind: row.memberKind,
  displayName: row.displayName,
  organisationName: row.organisationName ?? null,
  stakeholderType: row.stakeholderType,
  role: row.groupRole,
  reservedSeat: row.reservedSeat ?? null,
});

/** Reserved seats are public, and so is whether they are filled: the point is that anyone can check. */
const seatView = (reserved: ReservedSeats, members: DialogueGroupMember[]) =>
  reserved.map(({ category, seats }) => {
    const filled = Math.min(seats, members.filter((member) => member.reservedSeat === category).length);
    return { category, seats, filled, vacant: seats - filled };
  });

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const groups = () => strapi.db.query(UID.dialogueGroup);
  const members = () => strapi.db.query(UID.dialogueGroupMember);

  const requireGroup = async (documentId: string, municipalityCode?: string) => {
    const row = await groups().findOne({ where: { documentId } });
    if (!row || (municipalityCode && row.municipalityCode !== municipalityCode)) {
      throw new errors.NotFoundError(`No dialogue group ${documentId}${municipalityCode ? ` in ${municipalityCode}` : ''}`);
    }
    return row;
  };

  const currentMembers = async (groupDocumentId: string) =>
    (await members().findMany({ where: { groupDocumentId, leftAt: null }, orderBy: { id: 'asc' } })).map(toMember);

  const describe = async (row: Record<string, any>): Promise<DialogueGroup> => {
    const current = await currentMembers(row.documentId);
    return {
      documentId: row.documentId,
      municipalityCode: row.municipalityCode,
      name: row.name,
      description: row.description ?? null,
      reservedSeats: seatView(readJson(row.reservedSeats) ?? [], current),
      members: current,
    };
  };

  return {
    requireGroup,

    async find(query: { municipality?: string } & PageRequest) {
      const where = query.municipality ? { municipalityCode: query.municipality } : {};
      const { start, limit } = pageWindow(query);
      const [rows, total] = await Promise.all([groups().findMany({ where, orderBy: { id: 'asc' }, offset: start, limit }), groups().count({ where })]);
      const data = await Promise.all(rows.map(async (row: any) => {
        const { members: _members, ...group } = await describe(row);
        return group;
      }));
      return { data, meta: { pagination: paginationMeta(query, total) } };
    },

    async findOne(documentId: string) {
      return describe(await requireGroup(documentId));
    },

    async create(municipalityCode: string, input: { name: string; description?: string; reservedSeats: ReservedSeats }, userId: number) {
      const row = await strapi.documents(UID.dialogueGroup).create({
        data: { municipalityCode, name: input.name, description: input.description ?? null, reservedSeats: input.reservedSeats, createdByUserId: userId } as any,
      });
      return describe(await requireGroup(row.documentId));
    },

    async update(municipalityCode: string, documentId: string, input: { name: string; description?: string; reservedSeats: ReservedSeats }) {
      await requireGroup(documentId, municipalityCode);
      await strapi.documents(UID.dialogueGroup).update({
        documentId,
        data: { name: input.name, description: input.description ?? null, reservedSeats: input.reservedSeats } as any,
      });
      return describe(await requireGroup(documentId));
    },

    async addMember(municipalityCode: string, groupDocumentId: string, input: Record<string, any>) {
      const group = await requireGroup(groupDocumentId, municipalityCode);
      const reserved: ReservedSeats = readJson(group.reservedSeats) ?? [];
      if (input.reservedSeat && !reserved.some((seat) => seat.category === input.reservedSeat)) {
        throw fieldError('data.reservedSeat', `the group reserves no seats for ${input.reservedSeat}`);
      }
      if (input.userId !== undefined) {
        const user = await strapi.db.query(UID.user).findOne({ where: { id: input.userId }, select: ['id'] });
        if (!user) throw fieldError('data.userId', `no account ${input.userId}`);
      }
      await strapi.documents(UID.dialogueGroupMember).create({
        data: {
          groupDocumentId,
          memberKind: input.memberKind,
          displayName: input.displayName,
          organisationName: input.organisationName ?? null,
          userId: input.userId ?? null,
          stakeholderType: input.stakeholderType,
          groupRole: input.role,
          reservedSeat: input.reservedSeat ?? null,
        } as any,
      });
      return describe(group);
    },

    /** Members leave; the record stays, so past meetings keep who sat at the table. */
    async removeMember(municipalityCode: string, groupDocumentId: string, memberDocumentId: string) {
      const group = await requireGroup(groupDocumentId, municipalityCode);
      const member = await members().findOne({ where: { documentId: memberDocumentId, groupDocumentId, leftAt: null } });
      if (!member) throw new errors.NotFoundError(`No current member ${memberDocumentId} in this group`);
      await members().update({ where: { id: member.id }, data: { leftAt: new Date() } });
      return describe(group);
    },
  };
};
