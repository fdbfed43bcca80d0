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
import adminBudgetLineImport from './admin/budget-line-import';

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
  'admin-budget-line-import': adminBudgetLineImport,
};
