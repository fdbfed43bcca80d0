import type { Knex } from 'knex';
import * as foundation from './2026.11.23T00.00.00.participation-foundation';
import * as oneBallotPerVoter from './2026.11.23T01.00.00.participation-one-ballot-per-voter';
import * as profilePerUser from './2026.11.23T02.00.00.participation-profile-per-user';
import * as realtime from './2026.11.23T03.00.00.participation-realtime';
import * as decisionLog from './2026.11.24T00.00.00.participation-decision-log';
import * as projectImplementation from './2026.11.24T01.00.00.participation-project-implementation';
import * as forumsDialogueConsultations from './2026.11.25T00.00.00.participation-forums-dialogue-consultations';
import * as votingGuards from './2026.11.26T00.00.00.participation-voting-guards';
import * as ballotSecrecy from './2026.12.03T01.00.00.participation-ballot-secrecy';
import * as statisticsPublications from './2026.12.03T04.00.00.participation-statistics-publications';
import * as districtsPerVoter from './2026.12.05T11.00.00.participation-districts-per-voter';
import * as phaseMachine from './2026.12.05T11.10.00.participation-phase-machine';
import * as ballotProposals from './2026.12.05T11.20.00.participation-ballot-proposals';
import * as accountSessions from './2026.12.05T12.00.00.participation-account-sessions';
import * as rateLimits from './2026.12.05T12.10.00.participation-rate-limits';
import * as countedReports from './2026.12.05T13.00.00.participation-counted-reports';
import * as reservedSeats from './2026.12.05T13.10.00.participation-reserved-seats';
import * as communityHoles from './2026.12.05T13.20.00.participation-community-holes';
import * as budgetLinesReferenced from './2026.12.05T14.00.00.participation-budget-lines-referenced';
import * as decisionLogCheckpoints from './2026.12.05T14.10.00.participation-decision-log-checkpoints';
import * as attendanceReferenceOnce from './2026.12.05T15.00.00.participation-attendance-reference-once';
import * as portalSessions from './2026.12.06T00.00.00.participation-portal-sessions';
import * as runningTotals from './2026.12.06T01.00.00.participation-running-totals';
import * as portalSessionFlash from './2026.12.06T01.10.00.participation-portal-session-flash';
import * as notifications from './2026.12.06T03.00.00.participation-notifications';
import * as reportIndexes from './2026.12.06T23.00.00.participation-report-indexes';

/** A change to the database that the content-type schemas cannot express, run once. */
export interface PluginMigration {
  /** Recorded in `strapi_migrations` once it ran. */
  name: string;
  up: (knex: Knex) => Promise<void>;
}

/**
 * The plugin's migrations, in the order they run (append new ones at the end). The names end in `.js`
 * because these files were once the app's database/migrations, which Strapi's runner recorded under their
 * compiled file names: a database migrated then has them recorded already and does not run them again.
 */
export const PARTICIPATION_MIGRATIONS: readonly PluginMigration[] = [
  { name: '2026.11.23T00.00.00.participation-foundation.js', up: foundation.up },
  { name: '2026.11.23T01.00.00.participation-one-ballot-per-voter.js', up: oneBallotPerVoter.up },
  { name: '2026.11.23T02.00.00.participation-profile-per-user.js', up: profilePerUser.up },
  { name: '2026.11.23T03.00.00.participation-realtime.js', up: realtime.up },
  { name: '2026.11.24T00.00.00.participation-decision-log.js', up: decisionLog.up },
  { name: '2026.11.24T01.00.00.participation-project-implementation.js', up: projectImplementation.up },
  { name: '2026.11.25T00.00.00.participation-forums-dialogue-consultations.js', up: forumsDialogueConsultations.up },
  { name: '2026.11.26T00.00.00.participation-voting-guards.js', up: votingGuards.up },
  { name: '2026.12.03T01.00.00.participation-ballot-secrecy.js', up: ballotSecrecy.up },
  { name: '2026.12.03T04.00.00.participation-statistics-publications.js', up: statisticsPublications.up },
  { name: '2026.12.05T11.00.00.participation-districts-per-voter.js', up: districtsPerVoter.up },
  { name: '2026.12.05T11.10.00.participation-phase-machine.js', up: phaseMachine.up },
  { name: '2026.12.05T11.20.00.participation-ballot-proposals.js', up: ballotProposals.up },
  { name: '2026.12.05T12.00.00.participation-account-sessions.js', up: accountSessions.up },
  { name: '2026.12.05T12.10.00.participation-rate-limits.js', up: rateLimits.up },
  { name: '2026.12.05T13.00.00.participation-counted-reports.js', up: countedReports.up },
  { name: '2026.12.05T13.10.00.participation-reserved-seats.js', up: reservedSeats.up },
  { name: '2026.12.05T13.20.00.participation-community-holes.js', up: communityHoles.up },
  { name: '2026.12.05T14.00.00.participation-budget-lines-referenced.js', up: budgetLinesReferenced.up },
  { name: '2026.12.05T14.10.00.participation-decision-log-checkpoints.js', up: decisionLogCheckpoints.up },
  { name: '2026.12.05T15.00.00.participation-attendance-reference-once.js', up: attendanceReferenceOnce.up },
  { name: '2026.12.06T00.00.00.participation-portal-sessions.js', up: portalSessions.up },
  { name: '2026.12.06T01.00.00.participation-running-totals.js', up: runningTotals.up },
  { name: '2026.12.06T01.10.00.participation-portal-session-flash.js', up: portalSessionFlash.up },
  { name: '2026.12.06T03.00.00.participation-notifications.js', up: notifications.up },
  { name: '2026.12.06T23.00.00.participation-report-indexes.js', up: reportIndexes.up },
];
