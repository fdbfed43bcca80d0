/**
 * RBAC actions for the admin panel (Strapi admin users), registered in `register`. Every admin route
 * names the action it needs (`admin::hasPermissions`), and the admin pages check the same actions.
 */
export const ADMIN_ACTIONS = {
  importBudgetLines: 'plugin::participation.budget-lines.import',
  readMunicipalities: 'plugin::participation.municipalities.read',
  createMunicipalities: 'plugin::participation.municipalities.create',
  assignRoles: 'plugin::participation.roles.assign',
  readOverview: 'plugin::participation.overview.read',
  readProgrammeIndicators: 'plugin::participation.programme-indicators.read',
} as const;

export const ADMIN_ACTION_DEFINITIONS = [
  { section: 'plugins', displayName: 'Import budget lines from CSV', uid: 'budget-lines.import', pluginName: 'participation' },
  { section: 'plugins', displayName: 'Read municipalities and who holds which role where', uid: 'municipalities.read', pluginName: 'participation' },
  { section: 'plugins', displayName: 'Create municipalities', uid: 'municipalities.create', pluginName: 'participation' },
  { section: 'plugins', displayName: 'Assign and take away staff, moderator and facilitator roles', uid: 'roles.assign', pluginName: 'participation' },
  { section: 'plugins', displayName: 'Read the overview of a municipality', uid: 'overview.read', pluginName: 'participation' },
  { section: 'plugins', displayName: 'Read programme indicators across municipalities', uid: 'programme-indicators.read', pluginName: 'participation' },
] as const;
