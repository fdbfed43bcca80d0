import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { DialogueGroup, DialogueGroupMember, MemberInput, SeatCategory } from '../../../shared/contracts';
import { UID } from '../constants/uids';
import { RESERVED_SEATS_COVER_MEMBERS, RESERVED_SEATS_NOT_OVERFILLED } from '../database/guards';
import { conflict } from '../utils/conflict';
import { fieldError } from '../utils/field-error';
import { readJson } from '../utils/json-column';
import type { PageRequest } from '../utils/pagination';
import type { UpdateData } from '../utils/update-data';
import type { DialogueGroupMemberRow, DialogueGroupRow } from '../tables/dialogue-groups';
import type { PortalLanguage } from '../../../portal/src/i18n/languages';

type ReservedSeats = Array<{ category: SeatCategory; seats: number }>;
/** The group as its organisers state it (creating and updating alike). */
type GroupFields = { name: string; description?: string; reservedSeats: ReservedSeats; language?: PortalLanguage | null };

const toMember = (row: DialogueGroupMemberRow): DialogueGroupMember => ({
  documentId: row.documentId,
  memberKind: row.memberKind,
  displayName: row.displayName,
  organisationName: row.organisationName ?? null,
  stakeholderType: row.stakeholderType,
  role: row.groupRole,
  reservedSeat: row.reservedSeat ?? null,
});

const holding = (members: DialogueGroupMember[], category: SeatCategory) => members.filter((member) => member.reservedSeat === category).length;

/**
 * Reserved seats are public, and so is whether they are filled: the point is that anyone can check.
 * A seat never holds more members than it has (the database refuses it), so `filled` is the count.
 */
const seatView = (reserved: ReservedSeats, members: DialogueGroupMember[]) =>
  reserved.map(({ category, seats }) => {
    const filled = holding(members, category);
    return { category, seats, filled, vacant: seats - filled };
  });

/** The database's seat guards (a concurrent join or change got there first) answer as the app's own 409. */
const seatConflict = async <T>(write: () => Promise<T>, message: string): Promise<T> => {
  try {
    return await write();
  } catch (error) {
    const text = String((error as { message?: unknown } | null)?.message);
    if (text.includes(RESERVED_SEATS_NOT_OVERFILLED) || text.includes(RESERVED_SEATS_COVER_MEMBERS)) throw conflict(message);
    throw error;
  }
};

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

  const describe = async (row: DialogueGroupRow): Promise<DialogueGroup> => {
    const current = await currentMembers(row.documentId);
    return {
      documentId: row.documentId,
      municipalityCode: row.municipalityCode,
      name: row.name,
      description: row.description ?? null,
      reservedSeats: seatView(readJson(row.reservedSeats) ?? [], current),
      members: current,
      language: row.language ?? null,
    };
  };

  return {
    requireGroup,

    async find({ municipality, ...page }: { municipality?: string } & PageRequest) {
      const where = municipality ? { municipalityCode: municipality } : {};
      const { results, pagination } = await groups().findPage({ where, orderBy: { id: 'asc' }, ...page });
      const data = await Promise.all(results.map(async (row: DialogueGroupRow) => {
        const { members: _members, ...group } = await describe(row);
        return group;
      }));
      return { data, meta: { pagination } };
    },

    async findOne(documentId: string) {
      return describe(await requireGroup(documentId));
    },

    async create(municipalityCode: string, input: GroupFields, userId: number) {
      const row = await strapi.documents(UID.dialogueGroup).create({
        data: { municipalityCode, name: input.name, description: input.description ?? null, reservedSeats: input.reservedSeats, language: input.language ?? null, createdByUserId: userId },
      });
      return describe(await requireGroup(row.documentId));
    },

    async update(municipalityCode: string, documentId: string, input: GroupFields) {
      await requireGroup(documentId, municipalityCode);
      const current = await currentMembers(documentId);
      const seatsFor = (category: SeatCategory) => input.reservedSeats.find((seat) => seat.category === category)?.seats ?? 0;
      const held = [...new Set(current.flatMap((member) => (member.reservedSeat ? [member.reservedSeat] : [])))];
      const short = held.filter((category) => holding(current, category) > seatsFor(category));
      const tooFew = `Current members hold more seats than this reserves${short.length ? ` for ${short.join(', ')}` : ''}: remove members first.`;
      if (short.length) throw conflict(tooFew);
      await seatConflict(
        () => strapi.documents(UID.dialogueGroup).update({ documentId, data: { name: input.name, description: input.description ?? null, reservedSeats: input.reservedSeats, language: input.language ?? null } as UpdateData<typeof UID.dialogueGroup> }),
        tooFew
      );
      return describe(await requireGroup(documentId));
    },

    async addMember(municipalityCode: string, groupDocumentId: string, input: MemberInput) {
      const group = await requireGroup(groupDocumentId, municipalityCode);
      const reserved: ReservedSeats = readJson(group.reservedSeats) ?? [];
      const seat = input.reservedSeat ? reserved.find((candidate) => candidate.category === input.reservedSeat) : undefined;
      if (input.reservedSeat && !seat) throw fieldError('data.reservedSeat', `the group reserves no seats for ${input.reservedSeat}`);
      const full = seat ? `All ${seat.seats} seats reserved for ${seat.category} are taken.` : '';
      if (seat && holding(await currentMembers(groupDocumentId), seat.category) >= seat.seats) throw conflict(full);
      if (input.userId !== undefined) {
        const user = await strapi.db.query(UID.user).findOne({ where: { id: input.userId }, select: ['id'] });
        if (!user) throw fieldError('data.userId', `no account ${input.userId}`);
      }
      await seatConflict(() => strapi.documents(UID.dialogueGroupMember).create({
        data: {
          groupDocumentId,
          memberKind: input.memberKind,
          displayName: input.displayName,
          organisationName: input.organisationName ?? null,
          userId: input.userId ?? null,
          stakeholderType: input.stakeholderType,
          groupRole: input.role,
          reservedSeat: input.reservedSeat ?? null,
        },
      }), full);
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
