import { ADMIN_ACTIONS } from '../../constants/admin-actions';

const importPolicies = [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions: [ADMIN_ACTIONS.importBudgetLines] } },
];

export default {
  type: 'admin' as const,
  routes: [
    {
      method: 'GET',
      path: '/municipalities',
      handler: 'admin-budget-line-import.listMunicipalities',
      config: { policies: importPolicies },
    },
    {
      method: 'POST',
      path: '/municipalities/:municipalityCode/budget-lines/import',
      handler: 'admin-budget-line-import.import',
      config: { policies: importPolicies },
    },
  ],
};
