/** RBAC actions for the admin panel (Strapi admin users), registered in `register`. */
export const ADMIN_ACTIONS = {
  importBudgetLines: 'plugin::participation.budget-lines.import',
} as const;

export const ADMIN_ACTION_DEFINITIONS = [
  {
    section: 'plugins',
    displayName: 'Import budget lines from CSV',
    uid: 'budget-lines.import',
    pluginName: 'participation',
  },
] as const;
