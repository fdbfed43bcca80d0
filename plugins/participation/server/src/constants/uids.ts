export const PLUGIN_ID = 'participation';

export const UID = {
  municipality: 'plugin::participation.municipality',
  budgetLine: 'plugin::participation.budget-line',
  municipalAssignment: 'plugin::participation.municipal-assignment',
  user: 'plugin::users-permissions.user',
  role: 'plugin::users-permissions.role',
  permission: 'plugin::users-permissions.permission',
} as const;
