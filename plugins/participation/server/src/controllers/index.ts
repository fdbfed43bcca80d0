import municipality from './content-api/municipality';
import budgetLine from './content-api/budget-line';
import me from './content-api/me';
import adminBudgetLineImport from './admin/budget-line-import';

export default {
  municipality,
  'budget-line': budgetLine,
  me,
  'admin-budget-line-import': adminBudgetLineImport,
};
