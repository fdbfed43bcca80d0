import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../constants/uids';
import type { VoterFacts } from '../domain/rounds/eligibility';
import type { DemographicDeclaration } from '../domain/statistics/demographics';

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
