import { z } from 'zod';
import { SCOPED_ROLES, type ScopedRole } from '../../server/src/domain/access/roles';
import { plainText } from '../../server/src/domain/text/plain-text';
import { PORTAL_LANGUAGES } from '../../portal/src/i18n/languages';
import type { VotingChannel } from './rounds';
import type { DisaggregatedStatistics, PublishedCount } from './statistics';
import type { Municipality } from './municipalities';
import type { MoneyByMarkerReport, ProgrammeIndicators } from './reports';

/**
 * The administrator's screens in Strapi's admin panel (admin routes under /participation, each behind
 * the plugin's RBAC action). Request schemas are shared by the server, which validates with them, and
 * the admin client, which types its calls with them.
 */

export namespace CreateMunicipality {
  export const bodySchema = z.strictObject({
    name: plainText(120),
    code: z.string().trim().regex(/^[A-Z0-9][A-Z0-9-]{0,31}$/, 'is 1 to 32 capital letters, digits and hyphens, e.g. KOR'),
    country: z.string().trim().regex(/^[A-Z]{2}$/, 'is a two-letter country code, e.g. AL'),
    defaultLocale: z.string().trim().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'is a language code, e.g. sq'),
    currency: z.string().trim().regex(/^[A-Z]{3}$/, 'is a three-letter currency code, e.g. ALL'),
    population: z.number().int('is a whole number').min(0, 'is not negative').nullable().optional(),
    contentLanguage: z.enum(PORTAL_LANGUAGES).nullish(),
  });
  export type Body = z.infer<typeof bodySchema>;
  export interface Response {
    data: Municipality;
  }
}

/** A users-permissions account as the administrator sees it when assigning roles. */
export interface AdminPerson {
  id: number;
  username: string;
  email: string;
  /** The person's users-permissions role type: `authenticated` for a citizen, or one of the scoped roles. */
  roleType: string | null;
  blocked: boolean;
}

export interface RoleHolder extends AdminPerson {
  role: ScopedRole;
  municipalities: Array<{ code: string; name: string }>;
}

export namespace SearchPeople {
  export const querySchema = z.strictObject({
    search: z.string().trim().min(2, 'needs at least 2 characters').max(100, 'is longer than 100 characters'),
  });
  export interface Response {
    data: AdminPerson[];
  }
}

export namespace ListRoleHolders {
  export const querySchema = z.strictObject({
    municipality: z.string().trim().min(1).max(32).optional(),
  });
  export interface Response {
    data: RoleHolder[];
  }
}

export namespace AssignRole {
  export const bodySchema = z.strictObject({
    userId: z.number().int().positive('names a person by their account id'),
    role: z.enum(SCOPED_ROLES, { error: `is one of ${SCOPED_ROLES.join(', ')}` }),
    municipalityCodes: z
      .array(z.string().trim().min(1).max(32))
      .min(1, 'names at least one municipality')
      .max(100, 'names at most 100 municipalities'),
  });
  export type Body = z.infer<typeof bodySchema>;
  export interface Response {
    data: RoleHolder;
  }
}

export namespace RevokeRole {
  export const paramsSchema = z.strictObject({
    userId: z.coerce.number().int().positive('names a person by their account id'),
    municipalityCode: z.string().trim().min(1).max(32),
  });
  export interface Response {
    /** What the person still holds; `null` when that was their last municipality and they are a citizen again. */
    data: RoleHolder | null;
  }
}

/** One municipality's activity at a glance; counts only, never a ballot or a person. */
export interface MunicipalityOverview {
  municipality: Municipality;
  rounds: {
    byPhase: Record<string, number>;
    list: Array<{
      documentId: string;
      title: string;
      fiscalYear: number;
      phase: string;
      /** People who took part, by channel (not ballots: a ballot replaced counts once). */
      turnout: { total: number; byChannel: Record<VotingChannel, number> };
    }>;
  };
  proposals: { total: number; byStatus: Record<string, number> };
  forums: { forums: number; threads: number; posts: number; postsLast30Days: number; awaitingReview: number; hidden: number };
  consultations: { open: Array<{ documentId: string; topic: string; closesAt: string | null }> };
  meetings: { upcoming: Array<{ documentId: string; title: string; startsAt: string }> };
  decisions: { published: number; lastPublishedAt: string | null };
  /** The fiscal years the municipality has budget lines for, latest first: the years its money-by-marker report covers. */
  budgetYears: number[];
  /**
   * Disaggregated participation of the most recent rounds whose voting has closed (their voters, one entry
   * per district, `districtCode` '' for a round without districts), meetings held and consultations
   * summarised, suppressed below k: the same publications the portal and the open-data API show.
   */
  statistics: Array<{
    kind: 'round' | 'meeting' | 'consultation';
    documentId: string;
    title: string;
    districtCode?: string;
    total: PublishedCount;
    breakdowns: DisaggregatedStatistics['breakdowns'];
    k: number;
  }>;
}

export namespace GetMunicipalityOverview {
  export interface Response {
    data: MunicipalityOverview;
  }
}

/**
 * `GET /participation/municipalities/:code/money-by-marker?fiscalYear=`: the portal's budget-page report
 * (services/reports.ts), under the overview's action. A year without budget lines is a 404 naming `fiscalYear`.
 */
export namespace GetMoneyByMarker {
  export interface Response {
    data: MoneyByMarkerReport;
  }
}

/**
 * Programme indicators as the portal's programme page shows them (services/reports.ts), for budget years
 * `fromYear` to `toYear`: one municipality's under the overview's action
 * (`GET /participation/municipalities/:code/programme-indicators`), or any municipalities' under their own
 * (`GET /participation/programme-indicators?municipalities=A,B`). The query is the public API's.
 */
export namespace GetProgrammeIndicators {
  export interface Response {
    data: ProgrammeIndicators;
  }
}
