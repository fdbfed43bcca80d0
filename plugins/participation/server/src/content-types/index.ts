import municipality from './municipality';
import budgetLine from './budget-line';
import municipalAssignment from './municipal-assignment';

export default {
  municipality,
  'budget-line': budgetLine,
  'municipal-assignment': municipalAssignment,
};
