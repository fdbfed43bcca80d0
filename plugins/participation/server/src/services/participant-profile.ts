import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../constants/uids';
import type { VoterFacts } from '../domain/rounds/eligibility';
import type { DemographicDeclaration } from '../domain/statistics/demographics';
import { participantProfileTables } from '../tables/participant-profiles';
import { pageWindow, paginationMeta, type PageRequest } from '../utils/pagination';

/** A person as staff see them when confirming residence in person: the account and what they declared. */
export interface Resident {
  userId: number;
  username: string;
  email: string;
  residenceMunicipalityCode: string | null;
  birthDate: string | null;
  verified: boolean;
}

export interface ResidentFilter {
  /** false: declared residence here, not yet verified here; true: verified here. */
  verified: boolean;
  /** Part of the account's name or e-mail address. */
  search?: string;
}

/** A LIKE pattern matching `text` literally anywhere (`\` escapes the wildcards). */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

const dateOnly = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
};

const parseCodes = (value: unknown): string[] => {
  const parsed = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? parsed.map(String) : [];
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const profiles = () => strapi.db.query(UID.participantProfile);

  return {
    async find(userId: number) {
      // Not the demographics: this runs for every ballot in a round with eligibility rules.
      const row = await profiles().findOne({ where: { userId }, select: ['residenceMunicipalityCode', 'birthDate', 'verifiedIn'] });
      return {
        residenceMunicipalityCode: (row?.residenceMunicipalityCode as string | null) ?? null,
        birthDate: (row?.birthDate as string | null) ?? null,
        verifiedIn: parseCodes(row?.verifiedIn),
      };
    },

    /** Self-declared; changing the residence withdraws earlier verifications. */
    async declare(userId: number, declaration: { residenceMunicipalityCode: string | null; birthDate: string | null }) {
      const current = await profiles().findOne({ where: { userId } });
      if (!current) {
        await profiles().create({ data: { userId, ...declaration, verifiedIn: [] } });
      } else {
        const moved = current.residenceMunicipalityCode !== declaration.residenceMunicipalityCode;
        await profiles().update({ where: { id: current.id }, data: { ...declaration, ...(moved ? { verifiedIn: [] } : {}) } });
      }
      return this.find(userId);
    },

    /** Staff or a facilitator confirms, in person, that someone is a participant of their municipality. */
    async verify(userId: number, municipalityCode: string) {
      if (!(await strapi.db.query(UID.user).findOne({ where: { id: userId }, select: ['id'] }))) throw new errors.NotFoundError('Participant not found');
      const current = await profiles().findOne({ where: { userId } });
      const verifiedIn = [...new Set([...parseCodes(current?.verifiedIn), municipalityCode])];
      if (!current) await profiles().create({ data: { userId, verifiedIn } });
      else await profiles().update({ where: { id: current.id }, data: { verifiedIn } });
    },

    /** Takes back a verification in the municipality (a mistake, or the person moved away). */
    async revoke(userId: number, municipalityCode: string) {
      const current = await profiles().findOne({ where: { userId } });
      const verifiedIn = parseCodes(current?.verifiedIn);
      if (!current || !verifiedIn.includes(municipalityCode)) throw new errors.NotFoundError('Participant not found');
      await profiles().update({ where: { id: current.id }, data: { verifiedIn: verifiedIn.filter((code) => code !== municipalityCode) } });
    },

    /**
     * People for staff to verify in a municipality: those who declared residence there and are not yet
     * verified there, or those verified there; by account name. `verifiedIn` is a JSON list, matched as
     * text (`"SHK"` with its quotes), which both SQLite and PostgreSQL can do without a JSON operator.
     */
    async residents(municipalityCode: string, filter: ResidentFilter, page: PageRequest) {
      const { profiles: table, column, users, userColumn } = participantProfileTables(strapi);
      const knex = strapi.db.connection;
      const verifiedHere = `coalesce(cast(?? as text), '') like ? escape '\\'`;
      const query = knex(`${table} as p`)
        .join(`${users} as u`, `u.id`, `p.${column('userId')}`)
        .whereRaw(filter.verified ? verifiedHere : `not (${verifiedHere})`, [`p.${column('verifiedIn')}`, containing(JSON.stringify(municipalityCode))]);
      if (!filter.verified) query.where(`p.${column('residenceMunicipalityCode')}`, municipalityCode);
      if (filter.search) {
        const pattern = containing(filter.search.toLowerCase());
        query.where((search) =>
          search
            .whereRaw(`lower(??) like ? escape '\\'`, [`u.${userColumn('username')}`, pattern])
            .orWhereRaw(`lower(??) like ? escape '\\'`, [`u.${userColumn('email')}`, pattern])
        );
      }
      const { start, limit } = pageWindow(page);
      const [rows, [{ total }]] = await Promise.all([
        query
          .clone()
          .select({
            userId: `p.${column('userId')}`,
            username: `u.${userColumn('username')}`,
            email: `u.${userColumn('email')}`,
            residenceMunicipalityCode: `p.${column('residenceMunicipalityCode')}`,
            birthDate: `p.${column('birthDate')}`,
          })
          .orderBy([{ column: `u.${userColumn('username')}` }, { column: 'u.id' }])
          .offset(start)
          .limit(limit),
        query.clone().count({ total: '*' }),
      ]);
      const data: Resident[] = (rows as Array<Record<string, unknown>>).map((row) => ({
        userId: Number(row.userId),
        username: String(row.username),
        email: String(row.email),
        residenceMunicipalityCode: (row.residenceMunicipalityCode as string | null) ?? null,
        birthDate: dateOnly(row.birthDate),
        verified: filter.verified,
      }));
      return { data, pagination: paginationMeta(page, Number(total)) };
    },

    /**
     * One person as a municipality's staff may see them: declared residence there or verified there;
     * anyone else is not found, so staff cannot look people up across municipalities.
     */
    async residentOf(municipalityCode: string, userId: number): Promise<Resident> {
      const [profile, user] = await Promise.all([
        this.find(userId),
        strapi.db.query(UID.user).findOne({ where: { id: userId }, select: ['id', 'username', 'email'] }),
      ]);
      const verified = profile.verifiedIn.includes(municipalityCode);
      if (!user || (profile.residenceMunicipalityCode !== municipalityCode && !verified)) throw new errors.NotFoundError('Participant not found');
      return {
        userId,
        username: user.username as string,
        email: user.email as string,
        residenceMunicipalityCode: profile.residenceMunicipalityCode,
        birthDate: dateOnly(profile.birthDate),
        verified,
      };
    },

    /** Optional demographics, stored only with consent; declaring again replaces them. */
    async declareDemographics(userId: number, declaration: DemographicDeclaration) {
      const current = await profiles().findOne({ where: { userId } });
      const data = { demographics: declaration, demographicsConsentAt: new Date() };
      if (!current) await profiles().create({ data: { userId, verifiedIn: [], ...data } });
      else await profiles().update({ where: { id: current.id }, data });
    },

    /** Withdrawing consent erases the declaration; aggregates computed later no longer count it. */
    async withdrawDemographics(userId: number) {
      const current = await profiles().findOne({ where: { userId } });
      if (current) await profiles().update({ where: { id: current.id }, data: { demographics: null, demographicsConsentAt: null } });
    },

    /** The person's own declaration, for them alone to read back (the portal's demographics page). */
    async ownDemographics(userId: number): Promise<DemographicDeclaration | null> {
      const row = await profiles().findOne({ where: { userId }, select: ['demographics'] });
      const stored = typeof row?.demographics === 'string' ? JSON.parse(row.demographics) : row?.demographics;
      return (stored as DemographicDeclaration | null | undefined) ?? null;
    },

    async demographicsStatus(userId: number) {
      const row = await profiles().findOne({ where: { userId }, select: ['demographicsConsentAt'] });
      const consentGivenAt = row?.demographicsConsentAt ? new Date(row.demographicsConsentAt).toISOString() : null;
      return { declared: consentGivenAt !== null, consentGivenAt };
    },

    async voterFacts(userId: number, municipalityCode: string): Promise<VoterFacts> {
      const profile = await this.find(userId);
      return {
        residenceMunicipalityCode: profile.residenceMunicipalityCode,
        birthDate: profile.birthDate,
        verified: profile.verifiedIn.includes(municipalityCode),
      };
    },
  };
};
