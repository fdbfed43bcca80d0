import municipality from './municipality';
import budgetLine from './budget-line';
import budgetLineImport from './budget-line-import';
import access from './access';
import roleGrants from './role-grants';
import demoSeed from './demo-seed';

export default {
  municipality,
  'budget-line': budgetLine,
  'budget-line-import': budgetLineImport,
  access,
  'role-grants': roleGrants,
  'demo-seed': demoSeed,
};
