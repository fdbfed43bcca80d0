import municipality from './content-api/municipality';
import budgetLine from './content-api/budget-line';
import me from './content-api/me';
import round from './content-api/round';
import proposal from './content-api/proposal';
import ballot from './content-api/ballot';
import participant from './content-api/participant';
import realtime from './content-api/realtime';
import decision from './content-api/decision';
import implementation from './content-api/implementation';
import forum from './content-api/forum';
import moderation from './content-api/moderation';
import dialogueGroup from './content-api/dialogue-group';
import meeting from './content-api/meeting';
import consultation from './content-api/consultation';
import statistics from './content-api/statistics';
import openapi from './content-api/openapi';
import openData from './content-api/open-data';
import adminBudgetLineImport from './admin/budget-line-import';
import adminMunicipalities from './admin/municipalities';
import adminReports from './admin/reports';
import adminRoleAssignments from './admin/role-assignments';

export default {
  municipality,
  'budget-line': budgetLine,
  me,
  round,
  proposal,
  ballot,
  participant,
  realtime,
  decision,
  implementation,
  forum,
  moderation,
  'dialogue-group': dialogueGroup,
  meeting,
  consultation,
  statistics,
  openapi,
  'open-data': openData,
  'admin-budget-line-import': adminBudgetLineImport,
  'admin-municipalities': adminMunicipalities,
  'admin-reports': adminReports,
  'admin-role-assignments': adminRoleAssignments,
};
