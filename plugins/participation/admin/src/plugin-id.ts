export const PLUGIN_ID = 'participation';

/** The plugin's RBAC actions as the admin pages check them (the server's are in server/src/constants/admin-actions.ts). */
const permission = (action: string) => [{ action: `plugin::participation.${action}`, subject: null }];

export const PERMISSIONS = {
  importBudgetLines: permission('budget-lines.import'),
  readMunicipalities: permission('municipalities.read'),
  createMunicipalities: permission('municipalities.create'),
  assignRoles: permission('roles.assign'),
  readOverview: permission('overview.read'),
  readProgrammeIndicators: permission('programme-indicators.read'),
};

/** Any one of them opens the plugin; each page then asks for its own. */
export const ANY_PERMISSION = Object.values(PERMISSIONS).flat();

export const t = (id: string) => `${PLUGIN_ID}.${id}`;
