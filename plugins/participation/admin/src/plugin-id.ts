export const PLUGIN_ID = 'participation';

export const IMPORT_BUDGET_LINES_PERMISSION = [{ action: 'plugin::participation.budget-lines.import', subject: null }];

export const t = (id: string) => `${PLUGIN_ID}.${id}`;
