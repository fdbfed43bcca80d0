import { readFileSync } from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { UID } from '../src/constants/uids';
import { USERS_PERMISSIONS_ROLE_TYPE, type ParticipantRole } from '../src/domain/access/roles';
import { roundSettingsSchema } from '../src/domain/rounds/round-settings';
import { seedCommunity } from './community';
import { seedRounds } from './rounds';

/** Demo data: two Albanian municipalities with real-looking 2026 budgets, one account per role. */
const MUNICIPALITIES = [
  { code: 'SHK', name: 'Shkodër', country: 'AL', defaultLocale: 'sq', contentLanguage: 'sq', currency: 'ALL', population: 200889, csv: 'shkoder-2026-budget-lines.csv', decimalSeparator: ',' as const },
  { code: 'KOR', name: 'Korçë', country: 'AL', defaultLocale: 'sq', contentLanguage: 'sq', currency: 'ALL', population: 124675, csv: 'korce-2026-budget-lines.csv', decimalSeparator: '.' as const },
];

const ACCOUNTS: Array<{ role: ParticipantRole; username: string; email: string; password: string; municipalities: string[] }> = [
  { role: 'citizen', username: 'arta.citizen', email: 'citizen@demo.local', password: 'Demo-Citizen-2026', municipalities: [] },
  { role: 'municipal-staff', username: 'besnik.staff', email: 'staff@demo.local', password: 'Demo-Staff-2026', municipalities: ['SHK'] },
  { role: 'municipal-staff', username: 'klea.staff', email: 'staff-korce@demo.local', password: 'Demo-Staff-Korce-2026', municipalities: ['KOR'] },
  { role: 'moderator', username: 'drita.moderator', email: 'moderator@demo.local', password: 'Demo-Moderator-2026', municipalities: ['SHK'] },
  { role: 'cso-facilitator', username: 'elira.facilitator', email: 'facilitator@demo.local', password: 'Demo-Facilitator-2026', municipalities: ['SHK', 'KOR'] },
];

/** A youth round waiting in draft, so the demo can walk the whole cycle from opening to results. */
const YOUTH_ROUND = {
  fiscalYear: 2026,
  title: 'Buxheti rinor 2026 – Youth budget 2026',
  description: 'Young people aged 14 to 29 in Shkodër decide how to spend 10,000,000 lek from the youth participatory budget line.',
  totalBudget: '10000000',
  ballotRules: { kind: 'approval', maxProjects: 3, countingRule: 'mes_cost_add1_greedy', tieBreaking: 'id' },
  reservations: [{ marker: 'gender', share: '0.3' }],
  eligibility: { residentsOnly: true, minAge: 14, maxAge: 29, ageOnDate: '2026-05-01' },
  showRunningTotals: true,
  // Its description is in English: the page marks it so on Albanian pages (the municipality writes in Albanian).
  language: 'en',
  schedule: { proposalsOpen: '2026-02-01', proposalsClose: '2026-03-15', votingOpen: '2026-05-01', votingClose: '2026-05-15' },
};

/** Self-declared profiles: the citizen is 20 and lives in Shkodër, so they may vote in the youth round. */
const PROFILES: Record<string, { residenceMunicipalityCode: string; birthDate: string }> = {
  'citizen@demo.local': { residenceMunicipalityCode: 'SHK', birthDate: '2006-04-12' },
};

const ADMIN = { email: 'admin@demo.local', password: 'Demo-Admin-2026', firstname: 'Demo', lastname: 'Administrator' };

const demoFile = (strapi: Core.Strapi, name: string) =>
  path.join(strapi.dirs.app.root, 'plugins', 'participation', 'server', 'demo', name);

/** Kept out of the plugin's services: production code never carries the demo; bootstrap loads this only for `npm run demo`. */
export const demoSeed = (strapi: Core.Strapi) => ({
  /** Idempotent: what already exists is left as it is, so the demo can be restarted on its data. */
  async seed() {
    const plugin = strapi.plugin('participation');
    for (const { csv, decimalSeparator, ...municipality } of MUNICIPALITIES) {
      if (await plugin.service('municipality').findByCode(municipality.code)) continue;
      await strapi.documents(UID.municipality).create({ data: municipality });
      await plugin.service('budget-line-import').import({
        municipalityCode: municipality.code,
        csv: readFileSync(demoFile(strapi, csv), 'utf8'),
        dryRun: false,
        decimalSeparator,
      });
    }

    for (const account of ACCOUNTS) {
      if (await strapi.db.query(UID.user).findOne({ where: { email: account.email } })) continue;
      const role = await strapi.db.query(UID.role).findOne({ where: { type: USERS_PERMISSIONS_ROLE_TYPE[account.role] } });
      const created = await strapi.plugin('users-permissions').service('user').add({
        username: account.username,
        email: account.email,
        password: account.password,
        provider: 'local',
        confirmed: true,
        blocked: false,
        role: role.id,
      });
      if (PROFILES[account.email]) await plugin.service('participant-profile').declare(created.id, PROFILES[account.email]);
      for (const code of account.municipalities) {
        const municipality = await plugin.service('municipality').findByCode(code);
        await strapi.documents(UID.municipalAssignment).create({ data: { user: created.id, municipality: municipality!.documentId } });
      }
    }

    if ((await strapi.documents(UID.round).count({ filters: { municipalityCode: 'SHK', title: YOUTH_ROUND.title } })) === 0) {
      await plugin.service('round').create('SHK', roundSettingsSchema.parse(YOUTH_ROUND));
    }

    const idOf = async (email: string) => (await strapi.db.query(UID.user).findOne({ where: { email }, select: ['id'] })).id as number;
    const people = {
      citizen: await idOf('citizen@demo.local'),
      facilitator: await idOf('facilitator@demo.local'),
      staff: { SHK: await idOf('staff@demo.local'), KOR: await idOf('staff-korce@demo.local') },
    };
    for (const { code } of MUNICIPALITIES) await seedRounds(strapi, code, people);
    await seedCommunity(strapi, { citizen: people.citizen, facilitator: people.facilitator, staff: people.staff.SHK });

    if (!(await strapi.db.query('admin::user').findOne({ where: { email: ADMIN.email } }))) {
      // The admin module bootstraps after plugins; on a fresh database its roles do not exist yet.
      await strapi.service('admin::role').createRolesIfNoneExist();
      const superAdmin = await strapi.service('admin::role').getSuperAdmin();
      await strapi.service('admin::user').create({ ...ADMIN, isActive: true, registrationToken: null, roles: [superAdmin.id] });
    }
  },

  /** What the demo prints once the server listens. */
  loginsText(baseUrl: string) {
    const lines = [
      '',
      `  Portal:       ${baseUrl}/   (civic participation demo: citizens' pages; sign in with a login below)`,
      `  Rounds:       ${baseUrl}/sq/municipalities/SHK   ${baseUrl}/sq/municipalities/KOR`,
      '                in each: one open for proposals; one voting for each ballot kind (approval, knapsack, cumulative points,',
      '                ranking, choose one), where the citizen login may vote in all at once; one with published results,',
      '                a council decision funding a selected proposal and its implementation under way',
      '                (Shkodër also: a counted youth round whose page shows who voted, by gender and age, small groups suppressed)',
      `  Reports:      ${baseUrl}/sq/municipalities/SHK/budget/2026   ${baseUrl}/sq/programme-indicators?municipalities=SHK,KOR&fromYear=2026&toYear=2026`,
      `  Admin panel:  ${baseUrl}/admin   ${ADMIN.email} / ${ADMIN.password}`,
      `  Public API:   ${baseUrl}/api/participation/budget-lines?municipality=SHK`,
      `  Workspaces:   ${baseUrl}/sq/workspace   (sign in as staff, moderator or facilitator below; walkthrough: docs/workspaces.md)`,
      `                staff@demo.local walks the youth round (in draft) from ${baseUrl}/sq/workspace/SHK/rounds to published results;`,
      `                moderator@demo.local clears the reported post at ${baseUrl}/sq/workspace/SHK/moderation;`,
      `                facilitator@demo.local enters paper ballots at ${baseUrl}/sq/workspace/SHK/ballot-desk`,
      `  Community:    ${baseUrl}/sq/municipalities/SHK/forums   ${baseUrl}/sq/municipalities/SHK/dialogue-groups   ${baseUrl}/sq/municipalities/SHK/consultations`,
      '                (the demo forum, dialogue group, meeting and open consultation; walkthrough: docs/community.md)',
      `  API sign-in:  POST ${baseUrl}/api/auth/local  {"identifier": "<e-mail>", "password": "<password>"}`,
      '  Accounts (users-permissions):',
      ...ACCOUNTS.map(
        ({ role, email, password, municipalities }) =>
          `    ${role.padEnd(16)} ${email.padEnd(24)} ${password.padEnd(22)} ${municipalities.length ? `municipalities: ${municipalities.join(', ')}` : ''}`
      ),
      '',
    ];
    return lines.join('\n');
  },
});
