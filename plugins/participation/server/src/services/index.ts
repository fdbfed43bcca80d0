import municipality from './municipality';
import budgetLine from './budget-line';
import budgetLineImport from './budget-line-import';
import access from './access';
import roleGrants from './role-grants';
import round from './round';
import roundCount from './round-count';
import proposal from './proposal';
import ballot from './ballot';
import participantProfile from './participant-profile';
import me from './me';
import events from './events';
import realtime from './realtime';
import decisionLog from './decision-log';
import implementation from './implementation';
import forum from './forum';
import moderation from './moderation';
import rateLimits from './rate-limits';
import dialogueGroup from './dialogue-group';
import meeting from './meeting';
import commitment from './commitment';
import consultation from './consultation';
import statistics from './statistics';
import sessions from './sessions';
import accountThrottle from './account-throttle';
import openapi from './openapi';
import notifications from './notifications';
import activity from './activity';
import reports from './reports';
import openData from './open-data';
import roleAssignments from './role-assignments';
import municipalityOverview from './municipality-overview';

export default {
  municipality,
  'budget-line': budgetLine,
  'budget-line-import': budgetLineImport,
  access,
  'role-grants': roleGrants,
  'role-assignments': roleAssignments,
  'municipality-overview': municipalityOverview,
  round,
  'round-count': roundCount,
  proposal,
  ballot,
  'participant-profile': participantProfile,
  me,
  events,
  realtime,
  'decision-log': decisionLog,
  implementation,
  forum,
  moderation,
  'rate-limits': rateLimits,
  'dialogue-group': dialogueGroup,
  meeting,
  commitment,
  consultation,
  statistics,
  sessions,
  'account-throttle': accountThrottle,
  openapi,
  notifications,
  activity,
  reports,
  'open-data': openData,
};
