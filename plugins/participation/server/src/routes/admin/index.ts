import { ADMIN_ACTIONS } from '../../constants/admin-actions';

/** Every admin route: an authenticated admin user holding the plugin's RBAC action(s) it names. */
const needs = (...actions: string[]) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions } }],
});

export default {
  type: 'admin' as const,
  routes: [
    { method: 'GET', path: '/municipalities', handler: 'admin-municipalities.list', config: needs(ADMIN_ACTIONS.readMunicipalities) },
    { method: 'POST', path: '/municipalities', handler: 'admin-municipalities.create', config: needs(ADMIN_ACTIONS.createMunicipalities) },
    {
      method: 'GET',
      path: '/municipalities/:municipalityCode/overview',
      handler: 'admin-municipalities.overview',
      config: needs(ADMIN_ACTIONS.readOverview),
    },
    {
      method: 'GET',
      path: '/municipalities/:municipalityCode/money-by-marker',
      handler: 'admin-reports.moneyByMarker',
      config: needs(ADMIN_ACTIONS.readOverview),
    },
    {
      method: 'GET',
      path: '/municipalities/:municipalityCode/programme-indicators',
      handler: 'admin-reports.municipalityIndicators',
      config: needs(ADMIN_ACTIONS.readOverview),
    },
    { method: 'GET', path: '/programme-indicators', handler: 'admin-reports.programmeIndicators', config: needs(ADMIN_ACTIONS.readProgrammeIndicators) },
    { method: 'GET', path: '/role-holders', handler: 'admin-role-assignments.holders', config: needs(ADMIN_ACTIONS.readMunicipalities) },
    { method: 'GET', path: '/people', handler: 'admin-role-assignments.searchPeople', config: needs(ADMIN_ACTIONS.assignRoles) },
    { method: 'POST', path: '/role-assignments', handler: 'admin-role-assignments.assign', config: needs(ADMIN_ACTIONS.assignRoles) },
    {
      method: 'DELETE',
      path: '/role-assignments/:userId/:municipalityCode',
      handler: 'admin-role-assignments.revoke',
      config: needs(ADMIN_ACTIONS.assignRoles),
    },
    {
      method: 'POST',
      path: '/municipalities/:municipalityCode/budget-lines/import',
      handler: 'admin-budget-line-import.import',
      config: needs(ADMIN_ACTIONS.importBudgetLines),
    },
  ],
};
